package org.clutch.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.clutch.marketplace.RequestLine;
import org.clutch.platform.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

/** One part of an order at the price the shop quoted; how many of it were refunded so far. */
@Entity
@Table(name = "customer_order_line")
public class OrderLine {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "request_line_id", nullable = false)
    private UUID requestLineId;

    @Column(nullable = false)
    private String name;

    @Column(name = "part_number")
    private String partNumber;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "refunded_quantity", nullable = false)
    private int refundedQuantity;

    protected OrderLine() {
    }

    OrderLine(Order order, int lineNo, RequestLine asked, BigDecimal unitPrice) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.lineNo = lineNo;
        this.requestLineId = asked.id();
        this.name = asked.name();
        this.partNumber = asked.partNumber();
        this.quantity = asked.quantity();
        this.unitPrice = unitPrice;
    }

    Money total(Currency currency) {
        return new Money(unitPrice, currency).times(quantity);
    }

    int refundableQuantity() {
        return quantity - refundedQuantity;
    }

    Money price(Currency currency) {
        return new Money(unitPrice, currency);
    }

    void markRefunded(int count) {
        refundedQuantity += count;
    }

    public UUID id() {
        return id;
    }

    public int lineNo() {
        return lineNo;
    }

    public UUID requestLineId() {
        return requestLineId;
    }

    public String name() {
        return name;
    }

    public String partNumber() {
        return partNumber;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public int refundedQuantity() {
        return refundedQuantity;
    }
}
