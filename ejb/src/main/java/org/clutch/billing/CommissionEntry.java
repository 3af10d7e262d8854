package org.clutch.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.platform.Money;
import org.clutch.platform.NullableUuid;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Commission owed by a tenant on one order: accrued on delivery at the plan's rate of the time, reversed in part or
 * in full when parts are refunded. Billed once, by the invoice of the month it happened in ({@code invoiceId}).
 */
@Entity
@Table(name = "commission_entry")
public class CommissionEntry {

    public enum Kind {
        ACCRUAL, REVERSAL
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "order_number", nullable = false)
    private long orderNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "base_amount", nullable = false)
    private BigDecimal baseAmount;

    @Column(name = "rate_percent", nullable = false)
    private BigDecimal ratePercent;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "invoice_id")
    @Convert(converter = NullableUuid.class)
    private UUID invoiceId;

    protected CommissionEntry() {
    }

    private CommissionEntry(Kind kind, UUID tenantId, UUID orderId, long orderNumber, Money base, BigDecimal ratePercent, Money amount,
            OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.tenantId = tenantId;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.baseAmount = base.amount();
        this.ratePercent = ratePercent;
        this.amount = amount.amount();
        this.currency = amount.currencyCode();
        this.occurredAt = at;
    }

    /** The commission on a delivered order's parts (freight is not commissioned). */
    static CommissionEntry accrual(UUID tenantId, UUID orderId, long orderNumber, Money itemsTotal, Plan plan, OffsetDateTime at) {
        return new CommissionEntry(Kind.ACCRUAL, tenantId, orderId, orderNumber, itemsTotal, plan.commissionPercent(),
                plan.commissionOn(itemsTotal), at);
    }

    /**
     * Gives back the commission on refunded parts, at the rate of the accrual, never more than is still accrued; when
     * every part is refunded, exactly what is left, so that rounding leaves no cent behind.
     */
    static CommissionEntry reversal(CommissionEntry accrual, Money reversedBefore, Money itemsRefunded, boolean everything,
            OffsetDateTime at) {
        Money left = accrual.amount().minus(reversedBefore);
        Money share = itemsRefunded.percent(accrual.ratePercent);
        Money amount = everything || share.exceeds(left) ? left : share;
        return new CommissionEntry(Kind.REVERSAL, accrual.tenantId, accrual.orderId, accrual.orderNumber, itemsRefunded,
                accrual.ratePercent, amount, at);
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public UUID orderId() {
        return orderId;
    }

    public long orderNumber() {
        return orderNumber;
    }

    public Money base() {
        return Money.of(baseAmount, currency);
    }

    public BigDecimal ratePercent() {
        return ratePercent;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public UUID invoiceId() {
        return invoiceId;
    }
}
