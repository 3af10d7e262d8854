package org.clutch.orders;

import org.clutch.platform.Money;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired inside the refunding transaction of a delivered order: billing reverses the commission on the parts paid
 * back ({@code itemsRefunded}, freight excluded); {@code allItemsRefunded} says nothing of the parts is left.
 */
public record OrderRefunded(UUID orderId, UUID tenantId, long orderNumber, Money itemsRefunded, boolean allItemsRefunded,
        OffsetDateTime at) {
}
