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
import org.clutch.platform.NullableUuid;
import org.clutch.platform.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step in an order's timeline: what happened, the status after it, who did it, in plain words. */
@Entity
@Table(name = "order_event")
public class OrderEvent {

    /** What happened. The names are part of the API. */
    public enum Kind {
        CREATED, PAYMENT_METHOD_CHOSEN, PAYMENT_DECLINED, PAYMENT_RECEIVED, PROCESSING_STARTED, READY, SHIPPED, DELIVERED,
        CANCELLED, REFUNDED, RETURNED
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

    @Column(nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role", nullable = false)
    private Role actorRole;

    @Column(name = "actor_id")
    @Convert(converter = NullableUuid.class)
    private UUID actorId;

    @Column(nullable = false)
    private String detail;

    @Column(nullable = false)
    private OffsetDateTime at;

    protected OrderEvent() {
    }

    OrderEvent(Order order, int seq, Kind kind, OrderStatus status, OrderParty by, String detail, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.tenantId = order.tenantId();
        this.customerId = order.customerId();
        this.seq = seq;
        this.kind = kind;
        this.status = status;
        this.actorRole = by.role();
        this.actorId = by.accountId();
        this.detail = detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail;
        this.at = at;
    }

    public int seq() {
        return seq;
    }

    public Kind kind() {
        return kind;
    }

    public OrderStatus status() {
        return status;
    }

    public Role actorRole() {
        return actorRole;
    }

    public String detail() {
        return detail;
    }

    public OffsetDateTime at() {
        return at;
    }
}
