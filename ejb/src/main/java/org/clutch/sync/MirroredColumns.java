package org.clutch.sync;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.CustomerFields;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A mirror table of what a shop's desktop and head office both keep (a part, a customer): the columns that hold the
 * shared fields, each next to its stamp column ({@code <column>_stamp}), and the one upsert that merges a desktop's
 * edit into the mirror field by field.
 */
final class MirroredColumns {

    /** {@code shop_catalog_part}: the {@link CatalogFields}. */
    static final MirroredColumns CATALOG = new MirroredColumns("shop_catalog_part", "part_id", CatalogFields.ALL, List.of(
            "part_number", "brand", "name", "category", "barcode", "cost_minor", "price_minor", "taxable"));

    /** {@code shop_customer}: the {@link CustomerFields}. */
    static final MirroredColumns CUSTOMERS = new MirroredColumns("shop_customer", "customer_id", CustomerFields.ALL, List.of(
            "name", "phone", "email", "credit_limit_minor", "vehicles"));

    private final String table;
    private final String key;
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
        this.key = key;
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
        return "INSERT INTO " + table + " AS p (shop_id, " + key + ", tenant_id, " + values + ", " + stampColumns()
                + ", changed_at, event_id)\nVALUES (" + marks.substring(0, marks.length() - 2) + ")\n"
                + "ON CONFLICT (shop_id, " + key + ") DO UPDATE SET\n    " + merge + ",\n"
                + "    event_id = CASE WHEN EXCLUDED.changed_at >= p.changed_at THEN EXCLUDED.event_id ELSE p.event_id END,\n"
                + "    changed_at = GREATEST(p.changed_at, EXCLUDED.changed_at)";
    }
}
