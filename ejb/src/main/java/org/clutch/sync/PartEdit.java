package org.clutch.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.clutch.jms.CatalogFields;

import java.util.LinkedHashMap;
import java.util.Map;

/** Head office's change to a shop's part: the fields given change, the others stay. */
public record PartEdit(@Size(min = 1, max = 100) String brand, @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 100) String category, @PositiveOrZero @Max(1_000_000_000_000L) Long costMinor,
        @PositiveOrZero @Max(1_000_000_000_000L) Long priceMinor, Boolean taxable) {

    /** The fields given, by {@link CatalogFields} name. */
    Map<String, Object> changes() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, CatalogFields.BRAND, brand == null ? null : brand.trim());
        put(given, CatalogFields.NAME, name == null ? null : name.trim());
        put(given, CatalogFields.CATEGORY, category == null ? null : category.trim());
        put(given, CatalogFields.COST, costMinor);
        put(given, CatalogFields.PRICE, priceMinor);
        put(given, CatalogFields.TAXABLE, taxable);
        return given;
    }

    private static void put(Map<String, Object> given, String field, Object value) {
        if (value != null) {
            given.put(field, value);
        }
    }
}
