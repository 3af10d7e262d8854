package org.clutch.shop.headoffice;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The edit stamps of a record this desktop shares with head office (a part, a customer): each shared field's
 * {@link org.clutch.jms.HybridClock} stamp, stored as a JSON object {field: stamp} next to the record, and the values
 * as both sides compare them.
 */
public final class FieldStamps {

    private FieldStamps() {
    }

    /** A value from a JSON payload, as the records hold it (whole numbers as Long). */
    public static Object fromJson(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) value).longValueExact();
            case STRING -> ((JsonString) value).getString();
            default -> throw new IllegalArgumentException("not a shared field's value: " + value);
        };
    }

    /**
     * The stored stamps of {@code fields}; a field without one (a record from before stamps) counts as set at
     * {@code fallback}.
     */
    public static Map<String, Long> read(String json, List<String> fields, long fallback) {
        Map<String, Long> stamps = new LinkedHashMap<>();
        JsonObject stored = null;
        if (json != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(json))) {
                stored = reader.readObject();
            }
        }
        for (String field : fields) {
            stamps.put(field, stored != null && stored.get(field) instanceof JsonNumber n ? n.longValue() : fallback);
        }
        return stamps;
    }

    public static JsonObjectBuilder json(Map<String, Long> stamps) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        stamps.forEach(json::add);
        return json;
    }

    /** The latest of the stamps: the edit clock restarts past it. */
    public static long latest(Map<String, Long> stamps) {
        return stamps.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** A new record's stamps: every one of its shared {@code fields} set by the one edit that created it. */
    public static Map<String, Long> allAt(List<String> fields, long stamp) {
        Map<String, Long> stamps = new LinkedHashMap<>();
        fields.forEach(field -> stamps.put(field, stamp));
        return stamps;
    }

    /**
     * Stamps {@code after}'s fields that differ from {@code before}'s with one new stamp (taken only if one differs);
     * the others keep theirs. Answers the stamps after the edit.
     */
    public static Map<String, Long> restamp(Map<String, Object> before, Map<String, Long> stamps, Map<String, Object> after,
            LongSupplier newStamp) {
        Map<String, Long> restamped = new LinkedHashMap<>(stamps);
        long stamp = 0;
        for (Map.Entry<String, Object> field : after.entrySet()) {
            if (!Objects.equals(before.get(field.getKey()), field.getValue())) {
                stamp = stamp == 0 ? newStamp.getAsLong() : stamp;
                restamped.put(field.getKey(), stamp);
            }
        }
        return restamped;
    }
}
