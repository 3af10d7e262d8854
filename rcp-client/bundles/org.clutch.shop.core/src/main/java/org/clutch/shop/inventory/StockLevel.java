package org.clutch.shop.inventory;

import java.util.UUID;

/**
 * A part's stock position for the low-stock, dead-stock and reorder views: what is on the shelf and what is on
 * open purchase orders (drafts, approved, sent, and the outstanding rest of partly received ones).
 */
public record StockLevel(UUID partId, String partNumber, String brand, String name, String category, int onHand,
        int onOrder, int minQty, int maxQty, int reorderPoint, long costMinor, java.time.Instant lastSale) {

    /** At or below the reorder point (or below the minimum) on the shelf. */
    public boolean isLow() {
        return (reorderPoint > 0 && onHand <= reorderPoint) || onHand < minQty;
    }

    /** Still at or below the reorder point (or below the minimum) once what is on order arrives. */
    public boolean needsOrdering() {
        int position = Math.max(onHand, 0) + onOrder;
        return (reorderPoint > 0 && position <= reorderPoint) || position < minQty;
    }

    /**
     * How many more to order to bring stock back up, counting what is already on order: to the maximum when one is
     * set, otherwise to twice the reorder point (or the minimum); none when what is on order is enough.
     */
    public int suggestedOrderQuantity() {
        if (!needsOrdering()) {
            return 0;
        }
        int target = maxQty > 0 ? maxQty : Math.max(reorderPoint * 2, minQty);
        return Math.max(1, target - Math.max(onHand, 0) - onOrder);
    }

    /** The same position with {@code units} fewer on order (for re-working suggestions that are themselves on order). */
    public StockLevel lessOnOrder(int units) {
        return new StockLevel(partId, partNumber, brand, name, category, onHand, Math.max(0, onOrder - units), minQty,
                maxQty, reorderPoint, costMinor, lastSale);
    }
}
