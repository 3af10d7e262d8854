package org.clutch.shop.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clutch.jms.CatalogFields;
import org.clutch.shop.common.PlainText;
import org.clutch.shop.common.RuleException;

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

    /** This part with the shared fields ({@link CatalogFields}) set to {@code values}; the shop's own fields kept. */
    Part withSharedValues(Map<String, Object> values) {
        return new Part(id, (String) values.get(CatalogFields.PART_NUMBER), (String) values.get(CatalogFields.BRAND),
                (String) values.get(CatalogFields.NAME), (String) values.get(CatalogFields.CATEGORY),
                (String) values.get(CatalogFields.BARCODE), (Long) values.get(CatalogFields.COST),
                (Long) values.get(CatalogFields.PRICE), (Boolean) values.get(CatalogFields.TAXABLE), defaultBin, minQty,
                maxQty, reorderPoint, crossReferences, fitments);
    }

    /** True when the part would sell for less than it costs the shop. */
    public boolean sellsBelowCost() {
        return priceMinor < costMinor;
    }

    /** Part numbers are compared without case and separators: "04152-YZZA1" and "04152yzza1" are one number. */
    public static String numberKey(String number) {
        return number == null ? "" : number.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    /** The barcode as stored: trimmed, or null when there is none. */
    String storedBarcode() {
        return barcode == null || barcode.isBlank() ? null : barcode.trim();
    }

    /** The bin new stock goes to: the part's own, in capitals, or the main one. */
    String storedBin() {
        return defaultBin == null || defaultBin.isBlank() ? "MAIN" : defaultBin.trim().toUpperCase(Locale.ROOT);
    }

    /** The shared fields' values ({@link CatalogFields}), as saved and as both sides compare them. */
    Map<String, Object> sharedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CatalogFields.PART_NUMBER, partNumber.trim());
        values.put(CatalogFields.BRAND, brand.trim());
        values.put(CatalogFields.NAME, name.trim());
        values.put(CatalogFields.CATEGORY, category.trim());
        values.put(CatalogFields.BARCODE, storedBarcode());
        values.put(CatalogFields.COST, costMinor);
        values.put(CatalogFields.PRICE, priceMinor);
        values.put(CatalogFields.TAXABLE, taxable);
        return values;
    }

    /** The words a text search finds the part by: of its name, brand and category. */
    Set<String> searchWords() {
        return words(name + " " + brand + " " + category);
    }

    /** The search words of a text: lower case letters and digits, at least two characters. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2) {
                words.add(word.length() > 40 ? word.substring(0, 40) : word);
            }
        }
        return words;
    }

    /** @throws RuleException naming what is missing or wrong before the part can be saved */
    void check() {
        List<String> missing = new ArrayList<>();
        if (partNumber == null || numberKey(partNumber).isEmpty()) {
            missing.add("a part number");
        }
        if (brand == null || brand.isBlank()) {
            missing.add("a brand");
        }
        if (name == null || name.isBlank()) {
            missing.add("a name");
        }
        if (category == null || category.isBlank()) {
            missing.add("a category");
        }
        if (!missing.isEmpty()) {
            throw new RuleException("A part needs " + String.join(", ", missing) + ".");
        }
        PlainText.check("part number", partNumber);
        PlainText.check("brand", brand);
        PlainText.check("name", name);
        PlainText.check("category", category);
        PlainText.check("barcode", barcode);
        PlainText.check("bin", defaultBin);
        crossReferences.forEach(x -> {
            PlainText.check("cross-reference brand", x.brand());
            PlainText.check("cross-reference number", x.number());
        });
        fitments.forEach(f -> {
            PlainText.check("fitment make", f.make());
            PlainText.check("fitment model", f.model());
            PlainText.check("fitment engine", f.engine());
        });
        if (priceMinor < 0 || costMinor < 0) {
            throw new RuleException("Prices and costs cannot be negative.");
        }
        if (storedBarcode() != null && !Barcodes.isValid(storedBarcode())) {
            throw new RuleException("The barcode " + barcode + " has a wrong check digit or characters.");
        }
        if (minQty < 0 || maxQty < 0 || reorderPoint < 0) {
            throw new RuleException("Stock levels cannot be negative.");
        }
        if (maxQty > 0 && maxQty < minQty) {
            throw new RuleException("The maximum stock is below the minimum.");
        }
        for (Fitment f : fitments) {
            if (f.make() == null || f.make().isBlank() || f.model() == null || f.model().isBlank()) {
                throw new RuleException("A fitment needs a make and a model.");
            }
            if (f.yearFrom() < 1900 || f.yearTo() < f.yearFrom() || f.yearTo() > 2100) {
                throw new RuleException("The years of a fitment (" + f.yearFrom() + "–" + f.yearTo() + ") are not a range.");
            }
        }
        for (CrossReference x : crossReferences) {
            if (x.kind() == null || x.brand() == null || x.brand().isBlank() || numberKey(x.number()).isEmpty()) {
                throw new RuleException("A cross-reference needs a kind, a brand and a number.");
            }
        }
    }

    /**
     * The manager's authority a save of this part needs, given the part as it was ({@code before}, null for a new
     * part): a new selling price, or a price below cost set or kept while the cost changes. Empty when none.
     */
    Optional<String> managerNeededOver(Map<String, Object> before) {
        if (before == null) {
            return sellsBelowCost() ? Optional.of("price a part below its cost") : Optional.empty();
        }
        if ((Long) before.get(CatalogFields.PRICE) != priceMinor) {
            return Optional.of("change a selling price");
        }
        if (sellsBelowCost() && (Long) before.get(CatalogFields.COST) != costMinor) {
            return Optional.of("price a part below its cost");
        }
        return Optional.empty();
    }
}
