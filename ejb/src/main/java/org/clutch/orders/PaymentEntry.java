package org.clutch.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.clutch.platform.Money;
import org.clutch.platform.NullableUuid;
import org.clutch.platform.Role;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of the payment ledger: money received for an order, or given back. Never changed once written. */
@Entity
@Table(name = "payment_entry")
public class PaymentEntry {

    public enum Kind {
        PAYMENT, REFUND
    }

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentMethod method;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "provider_reference")
    private String providerReference;

    private String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "recorded_by_role", nullable = false)
    private Role recordedByRole;

    @Column(name = "recorded_by")
    @Convert(converter = NullableUuid.class)
    private UUID recordedBy;

    @Column(nullable = false)
    private OffsetDateTime at;

    protected PaymentEntry() {
    }

    private PaymentEntry(Order order, Kind kind, PaymentMethod method, Money amount, String providerReference, String note,
            OrderParty by, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.tenantId = order.tenantId();
        this.customerId = order.customerId();
        this.kind = kind;
        this.method = method;
        this.amount = amount.amount();
        this.currency = amount.currencyCode();
        this.providerReference = providerReference;
        this.note = note == null || note.length() <= 500 ? note : note.substring(0, 497) + "...";
        this.recordedByRole = by.role();
        this.recordedBy = by.accountId();
        this.at = at;
    }

    static PaymentEntry payment(Order order, PaymentMethod method, Money amount, String reference, String note, OrderParty by,
            OffsetDateTime at) {
        return new PaymentEntry(order, Kind.PAYMENT, method, amount, reference, note, by, at);
    }

    static PaymentEntry refund(Order order, PaymentMethod method, Money amount, String reference, String note, OrderParty by,
            OffsetDateTime at) {
        return new PaymentEntry(order, Kind.REFUND, method, amount, reference, note, by, at);
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public PaymentMethod method() {
        return method;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public String providerReference() {
        return providerReference;
    }

    public String note() {
        return note;
    }

    public Role recordedByRole() {
        return recordedByRole;
    }

    public OffsetDateTime at() {
        return at;
    }
}
