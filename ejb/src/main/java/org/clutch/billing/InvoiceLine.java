package org.clutch.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of an invoice: the subscription, the month's commissions, their reversals, or the top-up to the minimum fee. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    public enum Kind {
        SUBSCRIPTION, COMMISSION, REVERSAL, MINIMUM_FEE
    }

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private BigDecimal amount;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, int lineNo, Kind kind, String description, int quantity, BigDecimal amount) {
        this.id = UUID.randomUUID();
        this.invoice = invoice;
        this.lineNo = lineNo;
        this.kind = kind;
        this.description = description;
        this.quantity = quantity;
        this.amount = amount;
    }

    public int lineNo() {
        return lineNo;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal amount() {
        return amount;
    }
}
