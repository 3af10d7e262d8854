package org.clutch.jms;

import java.util.List;

/**
 * The fields of a shop's part that its desktop and head office both keep, each with its own {@link HybridClock}
 * stamp: an edit of one field does not overwrite a concurrent edit of another, and for the same field the later stamp
 * wins on both sides. Names as in the JSON payloads.
 */
public final class CatalogFields {

    public static final String PART_NUMBER = "partNumber";
    public static final String BRAND = "brand";
    public static final String NAME = "name";
    public static final String CATEGORY = "category";
    public static final String BARCODE = "barcode";
    public static final String COST = "costMinor";
    public static final String PRICE = "priceMinor";
    public static final String TAXABLE = "taxable";

    public static final List<String> ALL = List.of(PART_NUMBER, BRAND, NAME, CATEGORY, BARCODE, COST, PRICE, TAXABLE);

    /** What head office may change; the part number and barcode identify the part at the till and stay with the shop. */
    public static final List<String> EDITABLE_CENTRALLY = List.of(BRAND, NAME, CATEGORY, COST, PRICE, TAXABLE);

    private CatalogFields() {
    }
}
