package org.clutch.partners;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The body of {@code purchase-order.acknowledge} and {@code purchase-order.ship} version 1: which of the shops'
 * orders to this supplier, and what the shop should know (a note, when it ships, with whom and the tracking number).
 */
public record PurchaseOrderUpdate(@NotNull UUID purchaseOrderId, @Size(max = 500) String note, LocalDate expectedShipDate,
        @Size(max = 100) String carrier, @Size(max = 100) String trackingNumber) {
}
