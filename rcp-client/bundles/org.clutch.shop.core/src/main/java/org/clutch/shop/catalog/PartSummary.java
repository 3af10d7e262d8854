package org.clutch.shop.catalog;

import java.util.UUID;

/** A search hit: enough to show in a list and to sell, with the stock on hand over all bins. */
public record PartSummary(UUID id, String partNumber, String brand, String name, String category, String barcode,
        long priceMinor, long costMinor, boolean taxable, String defaultBin, int onHand) {
}
