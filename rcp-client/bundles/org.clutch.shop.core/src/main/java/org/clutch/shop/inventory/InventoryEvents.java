package org.clutch.shop.inventory;

import static org.clutch.shop.db.JsonDocuments.JSON;

import jakarta.json.JsonObject;

import org.clutch.shop.staff.Staff;

/** The inventory's outbox events, as head office reads them. */
final class InventoryEvents {

    static final String STOCK_MOVED = "inventory.stock-moved";

    private InventoryEvents() {
    }

    static JsonObject stockMoved(StockMovement movement, Staff by) {
        return JSON.createObjectBuilder()
                .add("movementId", movement.id().toString())
                .add("partId", movement.partId().toString())
                .add("bin", movement.bin())
                .add("quantity", movement.quantity())
                .add("reason", movement.reason().name())
                .add("reference", movement.reference() == null ? "" : movement.reference())
                .add("note", movement.note() == null ? "" : movement.note())
                .add("staff", by == null ? "" : by.username())
                .add("movedAt", movement.movedAt().toString())
                .build();
    }
}
