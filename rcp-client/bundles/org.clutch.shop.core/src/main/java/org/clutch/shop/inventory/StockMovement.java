package org.clutch.shop.inventory;

import java.time.Instant;
import java.util.UUID;

/** One line of the stock ledger: {@code quantity} units in (positive) or out (negative) of a bin. */
public record StockMovement(UUID id, UUID partId, String bin, int quantity, StockReason reason, String reference,
        String note, UUID staffId, Instant movedAt) {
}
