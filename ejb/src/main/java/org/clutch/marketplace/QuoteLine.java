package org.clutch.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A shop's answer for one requested line: available at a unit price, or not available. */
@Entity
@Table(name = "quote_line")
public class QuoteLine {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "quote_id")
    private Quote quote;

    @Column(name = "request_line_id", nullable = false)
    private UUID requestLineId;

    @Column(nullable = false)
    private boolean available;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    protected QuoteLine() {
    }

    QuoteLine(Quote quote, UUID requestLineId, boolean available, BigDecimal unitPrice) {
        this.id = UUID.randomUUID();
        this.quote = quote;
        this.requestLineId = requestLineId;
        answer(available, unitPrice);
    }

    /** Available at a unit price, or not available (then without a price). */
    void answer(boolean available, BigDecimal unitPrice) {
        this.available = available;
        this.unitPrice = available ? unitPrice : null;
    }

    public UUID requestLineId() {
        return requestLineId;
    }

    public boolean available() {
        return available;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }
}
