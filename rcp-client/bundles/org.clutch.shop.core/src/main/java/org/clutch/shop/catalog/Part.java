package org.clutch.shop.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A part the shop sells. Prices are in minor units of the shop currency; {@code id} is null for a part not
 * yet saved.
 */
public record Part(UUID id, String partNumber, String brand, String name, String category, String barcode,
        long costMinor, long priceMinor, boolean taxable, String defaultBin, int minQty, int maxQty,
        int reorderPoint, List<CrossReference> crossReferences, List<Fitment> fitments) {

    public Part {
        crossReferences = crossReferences == null ? List.of() : List.copyOf(crossReferences);
        fitments = fitments == null ? List.of() : List.copyOf(fitments);
    }

    public Part withId(UUID newId) {
        return new Part(newId, partNumber, brand, name, category, barcode, costMinor, priceMinor, taxable,
                defaultBin, minQty, maxQty, reorderPoint, crossReferences, fitments);
    }

    public Part withPrice(long newPriceMinor) {
        return new Part(id, partNumber, brand, name, category, barcode, costMinor, newPriceMinor, taxable,
                defaultBin, minQty, maxQty, reorderPoint, crossReferences, fitments);
    }

    /** True when the part would sell for less than it costs the shop. */
    public boolean sellsBelowCost() {
        return priceMinor < costMinor;
    }

    /** Part numbers are compared without case and separators: "04152-YZZA1" and "04152yzza1" are one number. */
    public static String numberKey(String number) {
        return number == null ? "" : number.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }
}
