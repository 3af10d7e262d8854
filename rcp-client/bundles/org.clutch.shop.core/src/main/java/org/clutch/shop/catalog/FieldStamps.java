package org.clutch.shop.catalog;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.clutch.jms.CatalogFields;

/**
 * The fields of a part this desktop shares with head office ({@link CatalogFields}): their values as both sides
 * compare them, and each field's edit stamp as stored in {@code part.field_stamps}.
 */
final class FieldStamps {

    private FieldStamps() {
    }

    /** The shared fields' values, as saved (trimmed; no barcode is null). */
    static Map<String, Object> values(Part part) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CatalogFields.PART_NUMBER, part.partNumber().trim());
        values.put(CatalogFields.BRAND, part.brand().trim());
        values.put(CatalogFields.NAME, part.name().trim());
        values.put(CatalogFields.CATEGORY, part.category().trim());
        values.put(CatalogFields.BARCODE, part.barcode() == null || part.barcode().isBlank() ? null : part.barcode().trim());
        values.put(CatalogFields.COST, part.costMinor());
        values.put(CatalogFields.PRICE, part.priceMinor());
        values.put(CatalogFields.TAXABLE, part.taxable());
        return values;
    }

    /** A value from a JSON payload, as {@link #values} holds it (whole numbers as Long). */
    static Object fromJson(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) value).longValueExact();
            case STRING -> ((jakarta.json.JsonString) value).getString();
            default -> throw new IllegalArgumentException("not a catalog field value: " + value);
        };
    }

    /** The stored stamps; a field without one (a part from before stamps) counts as set at {@code fallback}. */
    static Map<String, Long> read(String json, long fallback) {
        Map<String, Long> stamps = new LinkedHashMap<>();
        JsonObject stored = null;
        if (json != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(json))) {
                stored = reader.readObject();
            }
        }
        for (String field : CatalogFields.ALL) {
            stamps.put(field, stored != null && stored.get(field) instanceof JsonNumber n ? n.longValue() : fallback);
        }
        return stamps;
    }

    static JsonObjectBuilder json(Map<String, Long> stamps) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        stamps.forEach(json::add);
        return json;
    }

    static long latest(Map<String, Long> stamps) {
        return stamps.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
