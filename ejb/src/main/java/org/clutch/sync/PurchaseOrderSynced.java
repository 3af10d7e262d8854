package org.clutch.sync;

import jakarta.json.JsonObject;

import java.util.UUID;

/**
 * A shop's purchase order changed on its desktop (sent, cancelled, received...), fired once per synced event in the
 * transaction that applies it: whoever deals with that supplier elsewhere (a supplier partner) hears of it.
 */
public record PurchaseOrderSynced(UUID shopId, UUID tenantId, UUID purchaseOrderId, String number, UUID supplierId, String status,
        JsonObject order) {
}
