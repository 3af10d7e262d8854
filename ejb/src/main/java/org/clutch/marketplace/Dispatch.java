package org.clutch.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The record that a parts request was sent to a shop; it is what lets the shop see and quote the request. */
@Entity
@Table(name = "dispatch")
public class Dispatch {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "shop_id", nullable = false)
    private UUID shopId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "distance_km", nullable = false)
    private BigDecimal distanceKm;

    @Column(name = "dispatched_at", nullable = false)
    private OffsetDateTime dispatchedAt;

    protected Dispatch() {
    }

    Dispatch(UUID requestId, UUID shopId, UUID tenantId, double distanceKm, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.shopId = shopId;
        this.tenantId = tenantId;
        this.distanceKm = BigDecimal.valueOf(distanceKm).setScale(2, RoundingMode.HALF_UP);
        this.dispatchedAt = now;
    }

    public UUID requestId() {
        return requestId;
    }

    public UUID shopId() {
        return shopId;
    }

    public BigDecimal distanceKm() {
        return distanceKm;
    }

    public OffsetDateTime dispatchedAt() {
        return dispatchedAt;
    }
}
