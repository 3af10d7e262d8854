package org.clutch.sync;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.CustomerFields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A mirror table of what a shop's desktop and head office both keep (a part, a customer): the columns that hold the
 * shared fields, each next to its stamp column ({@code <column>_stamp}), and the one upsert that merges a desktop's
 * edit into the mirror field by field, and head office's own change of a row.
 */
final class MirroredColumns {

    /** {@code shop_catalog_part}: the {@link CatalogFields}. */
    static final MirroredColumns CATALOG = new MirroredColumns("shop_catalog_part", "part_id", CatalogFields.ALL, List.of(
            "part_number", "brand", "name", "category", "barcode", "cost_minor", "price_minor", "taxable"));

    /** {@code shop_customer}: the {@link CustomerFields}. */
    static final MirroredColumns CUSTOMERS = new MirroredColumns("shop_customer", "customer_id", CustomerFields.ALL, List.of(
            "name", "phone", "email", "credit_limit_minor", "vehicles"));

    private final String table;
    private final String keyColumn;
    private final List<String> fields;
    /** Field name (as in the payloads) to column, in the fields' order. */
    private final Map<String, String> ofField;

    private MirroredColumns(String table, String key, List<String> fields, List<String> columns) {
        if (fields.size() != columns.size()) {
            throw new IllegalStateException("every field of " + table + " needs its column");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.get(i), columns.get(i));
        }
        this.table = table;
        this.keyColumn = key;
        this.fields = List.copyOf(fields);
        this.ofField = Collections.unmodifiableMap(map);
    }

    /** The shared fields, named as in the payloads, in the order of the upsert's parameters. */
    List<String> fields() {
        return fields;
    }

    /** The column of a field, named as in the payloads. */
    String column(String field) {
        return ofField.get(field);
    }

    /** Each field's stamp from a row that holds the {@link #stampColumns()} from column {@code first} on. */
    Map<String, Long> stamps(ResultSet row, int first) throws SQLException {
        Map<String, Long> stamps = new LinkedHashMap<>();
        int i = first;
        for (String field : fields) {
            stamps.put(field, row.getLong(i++));
        }
        return stamps;
    }

    /** The stamp columns, in the fields' order. */
    String stampColumns() {
        return ofField.values().stream().map(c -> c + "_stamp").collect(Collectors.joining(", "));
    }

    /**
     * Parameters: shop, the key (part, customer), tenant, the field values in order, their stamps in order,
     * changed_at, event id. Each field takes the incoming value only if its stamp is later than the one the mirror
     * holds.
     */
    String upsert() {
        String values = String.join(", ", ofField.values());
        String merge = ofField.values().stream().map(c -> c + " = CASE WHEN EXCLUDED." + c + "_stamp > p." + c + "_stamp THEN EXCLUDED."
                + c + " ELSE p." + c + " END, " + c + "_stamp = GREATEST(p." + c + "_stamp, EXCLUDED." + c + "_stamp)")
                .collect(Collectors.joining(",\n    "));
        String marks = "?, ".repeat(3 + 2 * ofField.size() + 2);
        return "INSERT INTO " + table + " AS p (shop_id, " + keyColumn + ", tenant_id, " + values + ", " + stampColumns()
                + ", changed_at, event_id)\nVALUES (" + marks.substring(0, marks.length() - 2) + ")\n"
                + "ON CONFLICT (shop_id, " + keyColumn + ") DO UPDATE SET\n    " + merge + ",\n"
                + "    event_id = CASE WHEN EXCLUDED.changed_at >= p.changed_at THEN EXCLUDED.event_id ELSE p.event_id END,\n"
                + "    changed_at = GREATEST(p.changed_at, EXCLUDED.changed_at)";
    }

    /**
     * Head office changes the {@code given} fields of a row whose values and stamps are {@code current} (read under a
     * lock): each field whose value differs takes one new stamp of the central clock. Empty when nothing differs.
     */
    Optional<CentralChange> changeCentrally(Connection c, UUID shopId, UUID key, Map<String, Object> current,
            Map<String, Long> currentStamps, Map<String, Object> given, CentralClock clock, Instant now) throws SQLException {
        Map<String, Object> changed = new LinkedHashMap<>();
        given.forEach((field, value) -> {
            if (!Objects.equals(current.get(field), value)) {
                changed.put(field, value);
            }
        });
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        long stamp = clock.tick();
        Map<String, Long> stamps = new LinkedHashMap<>();
        Map<String, Long> replaced = new LinkedHashMap<>();
        changed.keySet().forEach(field -> {
            stamps.put(field, stamp);
            replaced.put(field, currentStamps.get(field));
        });
        String assignments = changed.keySet().stream().map(this::column)
                .map(column -> column + " = ?, " + column + "_stamp = ?").collect(Collectors.joining(", "));
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + assignments
                + ", changed_at = ? WHERE shop_id = ? AND " + keyColumn + " = ?")) {
            int i = 1;
            for (Map.Entry<String, Object> field : changed.entrySet()) {
                update.setObject(i++, field.getValue());
                update.setLong(i++, stamp);
            }
            update.setTimestamp(i++, Timestamp.from(now));
            update.setObject(i++, shopId);
            update.setObject(i, key);
            update.executeUpdate();
        }
        return Optional.of(new CentralChange(Collections.unmodifiableMap(changed), Map.copyOf(stamps),
                Collections.unmodifiableMap(replaced)));
    }

    /**
     * What head office changed: the new values, their stamp, and the stamp each field had before (on the desktop, a
     * different one means both sides edited the field while apart).
     */
    record CentralChange(Map<String, Object> values, Map<String, Long> stamps, Map<String, Long> replaced) {
    }
}
