package org.clutch.shop.marketplace;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A draft as kept in the local database (amounts in minor units), to show and revise it later. */
final class QuoteDrafts {

    private QuoteDrafts() {
    }

    static String toJson(QuoteDraft draft) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (QuoteDraft.Line line : draft.lines()) {
            var l = JSON.createObjectBuilder().add("requestLineId", line.requestLineId().toString()).add("available", line.available());
            if (line.unitPriceMinor() != null) {
                l.add("unitPriceMinor", line.unitPriceMinor());
            }
            lines.add(l);
        }
        return JSON.createObjectBuilder().add("requestId", draft.requestId().toString()).add("lines", lines)
                .add("freightMinor", draft.freightMinor()).add("etaHours", draft.etaHours())
                .add("validUntil", draft.validUntil().toString()).add("notes", draft.notes() == null ? "" : draft.notes())
                .build().toString();
    }

    static QuoteDraft fromJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new QuoteDraft(UUID.fromString(o.getString("requestId")),
                    o.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                            .map(l -> new QuoteDraft.Line(UUID.fromString(l.getString("requestLineId")), l.getBoolean("available"),
                                    l.get("unitPriceMinor") instanceof JsonNumber price ? price.longValue() : null))
                            .toList(),
                    o.getJsonNumber("freightMinor").longValue(), o.getInt("etaHours"), Instant.parse(o.getString("validUntil")),
                    o.getString("notes", ""));
        }
    }
}
