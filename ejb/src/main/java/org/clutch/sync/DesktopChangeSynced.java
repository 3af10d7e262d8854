package org.clutch.sync;

import java.util.UUID;

/**
 * What a shop did on its desktop that a capability takes over, fired once per synced event, in event order, in the
 * transaction that applies the batch: the sync announces it, and the capability that owns it observes it.
 */
public sealed interface DesktopChangeSynced {

    /** The shop whose desktop sent the event. */
    UUID shopId();

    /** The desktop's event id, which answers to it name. */
    UUID eventId();

    /** A quote written on the desktop, for the marketplace to take or refuse. */
    record QuoteWritten(UUID shopId, UUID eventId, UUID requestId, DesktopQuote quote) implements DesktopChangeSynced {
    }

    /** A step the shop took on one of its marketplace orders, for the orders to take or refuse. */
    record OrderStepTaken(UUID shopId, UUID tenantId, UUID eventId, UUID orderId, String step, String carrier,
            String trackingNumber) implements DesktopChangeSynced {
    }
}
