package org.clutch.orders;

import org.clutch.platform.Money;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Fired inside the delivering transaction: billing accrues the shop's commission on the parts delivered. */
public record OrderDelivered(UUID orderId, UUID tenantId, long orderNumber, Money itemsTotal, OffsetDateTime at) {
}
