package org.clutch.shop.inventory;

import java.util.UUID;

/** A part's stock position for the low-stock, dead-stock and reorder views. */
public record StockLevel(UUID partId, String partNumber, String brand, String name, String category, int onHand,
        int minQty, int maxQty, int reorderPoint, long costMinor, java.time.Instant lastSale) {

    /** At or below the reorder point (or below the minimum), so it should be ordered. */
    public boolean isLow() {
        return (reorderPoint > 0 && onHand <= reorderPoint) || onHand < minQty;
    }

    /**
     * How many to order to bring stock back up: to the maximum when one is set, otherwise to twice the reorder
     * point (or the minimum), never less than one when the part is low.
     */
    public int suggestedOrderQuantity() {
        if (!isLow()) {
            return 0;
        }
        int target = maxQty > 0 ? maxQty : Math.max(reorderPoint * 2, minQty);
        return Math.max(1, target - Math.max(onHand, 0));
    }
}
