package org.clutch.sync;

import org.clutch.jms.CatalogFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of {@code shop_catalog_part} that hold the {@link CatalogFields}, each next to its stamp column
 * ({@code <column>_stamp}), and the one upsert that merges a desktop's edit into the mirror field by field.
 */
final class MirroredColumns {

    /** Field name (as in the payloads) to column, in {@link CatalogFields#ALL} order. */
    static final Map<String, String> OF_FIELD = columns();

    private MirroredColumns() {
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(CatalogFields.PART_NUMBER, "part_number");
        columns.put(CatalogFields.BRAND, "brand");
        columns.put(CatalogFields.NAME, "name");
        columns.put(CatalogFields.CATEGORY, "category");
        columns.put(CatalogFields.BARCODE, "barcode");
        columns.put(CatalogFields.COST, "cost_minor");
        columns.put(CatalogFields.PRICE, "price_minor");
        columns.put(CatalogFields.TAXABLE, "taxable");
        if (!columns.keySet().stream().toList().equals(CatalogFields.ALL)) {
            throw new IllegalStateException("every catalog field needs its column");
        }
        return Collections.unmodifiableMap(columns);
    }

    /**
     * Parameters: shop, part, tenant, the field values in order, their stamps in order, changed_at, event id. Each
     * field takes the incoming value only if its stamp is later than the one the mirror holds.
     */
    static String upsert() {
        String values = String.join(", ", OF_FIELD.values());
        String stamps = OF_FIELD.values().stream().map(c -> c + "_stamp").collect(Collectors.joining(", "));
        String merge = OF_FIELD.values().stream().map(c -> c + " = CASE WHEN EXCLUDED." + c + "_stamp > p." + c + "_stamp THEN EXCLUDED."
                + c + " ELSE p." + c + " END, " + c + "_stamp = GREATEST(p." + c + "_stamp, EXCLUDED." + c + "_stamp)")
                .collect(Collectors.joining(",\n    "));
        String marks = "?, ".repeat(3 + 2 * OF_FIELD.size() + 2);
        return "INSERT INTO shop_catalog_part AS p (shop_id, part_id, tenant_id, " + values + ", " + stamps
                + ", changed_at, event_id)\nVALUES (" + marks.substring(0, marks.length() - 2) + ")\n"
                + "ON CONFLICT (shop_id, part_id) DO UPDATE SET\n    " + merge + ",\n"
                + "    event_id = CASE WHEN EXCLUDED.changed_at >= p.changed_at THEN EXCLUDED.event_id ELSE p.event_id END,\n"
                + "    changed_at = GREATEST(p.changed_at, EXCLUDED.changed_at)";
    }
}
