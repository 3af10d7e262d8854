package org.clutch.shop.purchasing;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.time.Instant;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.clutch.shop.staff.Staff;

/** Purchasing's outbox events, as head office (and a supplier on the marketplace) reads them. */
final class PurchasingEvents {

    static final String SUPPLIER_SAVED = "purchasing.supplier-saved";
    static final String SUPPLIER_PART_SAVED = "purchasing.supplier-part-saved";
    static final String ORDER_STATUS_CHANGED = "purchasing.order-status-changed";
    static final String GOODS_RECEIVED = "purchasing.goods-received";

    private PurchasingEvents() {
    }

    static JsonObject supplierSaved(Supplier supplier, Staff by) {
        return JSON.createObjectBuilder().add("supplierId", supplier.id().toString()).add("name", supplier.name())
                .add("leadTimeDays", supplier.leadTimeDays()).add("active", supplier.active())
                .add("staff", by.username()).build();
    }

    static JsonObject supplierPartSaved(SupplierPart source, Staff by) {
        return JSON.createObjectBuilder().add("supplierId", source.supplierId().toString())
                .add("partId", source.partId().toString()).add("supplierPartNumber", source.supplierPartNumber())
                .add("costMinor", source.costMinor()).add("packQuantity", source.packQuantity())
                .add("preferred", source.preferred()).add("staff", by.username()).build();
    }

    static JsonObject orderStatusChanged(PurchaseOrder order, Staff by) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (PurchaseOrder.Line line : order.lines()) {
            var item = JSON.createObjectBuilder().add("lineNo", line.lineNo()).add("partId", line.partId().toString())
                    .add("partNumber", line.partNumber()).add("quantity", line.quantityOrdered())
                    .add("unitCostMinor", line.unitCostMinor());
            if (line.supplierPartNumber() != null) {
                item.add("supplierPartNumber", line.supplierPartNumber()); // what a supplier on the marketplace calls it
            }
            lines.add(item);
        }
        return JSON.createObjectBuilder().add("purchaseOrderId", order.id().toString()).add("number", order.number())
                .add("supplierId", order.supplierId().toString()).add("status", order.status().name())
                .add("lines", lines).add("staff", by.username()).build();
    }

    static JsonObject goodsReceived(PurchaseOrder order, Map<PurchaseOrder.Line, Integer> delivery, Staff by, Instant at) {
        JsonArrayBuilder received = JSON.createArrayBuilder();
        delivery.forEach((line, quantity) -> received.add(JSON.createObjectBuilder().add("lineNo", line.lineNo())
                .add("partId", line.partId().toString()).add("quantity", quantity)
                .add("unitCostMinor", line.unitCostMinor())));
        return JSON.createObjectBuilder().add("purchaseOrderId", order.id().toString()).add("number", order.number())
                .add("status", order.status().name()).add("lines", received).add("staff", by.username())
                .add("receivedAt", at.toString()).build();
    }
}
