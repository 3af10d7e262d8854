package org.clutch.shop.marketplace;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.staff.Staff;

/** What the desktop sends the marketplace through the outbox: its quotes and its steps on marketplace orders. */
final class MarketplaceEvents {

    private MarketplaceEvents() {
    }

    /** The {@link ShopInboxTypes#QUOTE_SUBMITTED} payload: amounts as decimals of the shop's currency. */
    static JsonObject quoteSubmitted(QuoteDraft draft, ShopCurrency currency, Staff by) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (QuoteDraft.Line line : draft.lines()) {
            JsonObjectBuilder l = JSON.createObjectBuilder().add("requestLineId", line.requestLineId().toString())
                    .add("available", line.available());
            if (line.available()) {
                l.add("unitPrice", amount(line.unitPriceMinor(), currency));
            } else {
                l.addNull("unitPrice");
            }
            lines.add(l);
        }
        return JSON.createObjectBuilder().add("requestId", draft.requestId().toString()).add("currency", currency.code())
                .add("lines", lines).add("freight", amount(draft.freightMinor(), currency)).add("etaHours", draft.etaHours())
                .add("validUntil", draft.validUntil().toString()).add("notes", draft.notes() == null ? "" : draft.notes())
                .add("staff", by.username()).build();
    }

    /** The {@link ShopInboxTypes#ORDER_STEP} payload: the step, and for a shipment the carrier and tracking number. */
    static JsonObject orderStep(UUID orderId, MarketplaceOrder.Step step, String carrier, String trackingNumber, Staff by) {
        JsonObjectBuilder payload = JSON.createObjectBuilder().add("orderId", orderId.toString()).add("step", step.name())
                .add("staff", by.username());
        if (step == MarketplaceOrder.Step.SHIPPED) {
            payload.add("carrier", carrier.strip());
            if (trackingNumber != null && !trackingNumber.isBlank()) {
                payload.add("trackingNumber", trackingNumber.strip());
            }
        }
        return payload.build();
    }

    private static BigDecimal amount(long minor, ShopCurrency currency) {
        return BigDecimal.valueOf(minor, currency.decimals());
    }
}
