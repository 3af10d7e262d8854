package org.clutch.shop.sales;

import static org.clutch.shop.db.JsonDocuments.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;

/** The sales' outbox events, as head office reads them. */
final class SaleEvents {

    static final String SALE_COMPLETED = "sales.sale-completed";
    static final String SALE_VOIDED = "sales.sale-voided";
    static final String RETURN_COMPLETED = "sales.return-completed";

    private SaleEvents() {
    }

    static JsonObject saleCompleted(SaleRecord sale) {
        return sale(sale).build();
    }

    static JsonObject returnCompleted(SaleRecord sale, SaleRecord original) {
        return sale(sale).add("originalSaleId", original.id().toString()).build();
    }

    static JsonObject saleVoided(SaleRecord sale, String reason, Staff manager) {
        return JSON.createObjectBuilder().add("saleId", sale.id().toString()).add("number", sale.number())
                .add("reason", reason).add("staff", manager.username()).build();
    }

    private static JsonObjectBuilder sale(SaleRecord sale) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (SaleRecord.Line line : sale.lines()) {
            lines.add(JSON.createObjectBuilder().add("lineNo", line.lineNo()).add("partId", line.partId().toString())
                    .add("partNumber", line.partNumber()).add("bin", line.bin()).add("quantity", line.quantity())
                    .add("unitPriceMinor", line.unitPriceMinor()).add("unitCostMinor", line.unitCostMinor())
                    .add("discountMinor", line.discountMinor()).add("taxMinor", line.taxMinor())
                    .add("totalMinor", line.totalMinor()));
        }
        JsonArrayBuilder tenders = JSON.createArrayBuilder();
        for (Tender tender : sale.tenders()) {
            tenders.add(JSON.createObjectBuilder().add("kind", tender.kind().name()).add("amountMinor", tender.amountMinor()));
        }
        return JSON.createObjectBuilder()
                .add("saleId", sale.id().toString())
                .add("number", sale.number())
                .add("kind", sale.kind().name())
                .add("completedAt", sale.completedAt().toString())
                .add("staff", sale.staffName())
                .add("customerId", sale.customerId() == null ? "" : sale.customerId().toString())
                .add("subtotalMinor", sale.subtotalMinor())
                .add("discountMinor", sale.discountMinor())
                .add("taxMinor", sale.taxMinor())
                .add("totalMinor", sale.totalMinor())
                .add("approvedBy", sale.approvedByName() == null ? "" : sale.approvedByName())
                .add("lines", lines)
                .add("tenders", tenders);
    }
}
