package org.clutch.shop.catalog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.clutch.shop.common.RuleException;

/** Another maker's number for the same part: the vehicle maker's (OEM) or another brand's (aftermarket). */
public record CrossReference(Kind kind, String brand, String number) {

    public enum Kind { OEM, AFTERMARKET }

    /** {@code KIND:brand:number}, the form people type and catalog files carry. */
    public String text() {
        return kind + ":" + brand + ":" + number;
    }

    /** Reads references written as {@code KIND:brand:number}, separated by semicolons or line breaks. */
    public static List<CrossReference> parseAll(String text) {
        return CatalogText.items(text).stream().map(CrossReference::parse).toList();
    }

    public static String textOf(List<CrossReference> references, String separator) {
        return references.stream().map(CrossReference::text).collect(Collectors.joining(separator));
    }

    private static CrossReference parse(String item) {
        String[] parts = item.split(":", 3);
        if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
            throw new RuleException("Cross-reference \"" + item + "\" is not KIND:brand:number.");
        }
        try {
            return new CrossReference(Kind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)), parts[1].trim(), parts[2].trim());
        } catch (IllegalArgumentException e) {
            throw new RuleException("Cross-reference kind \"" + parts[0].trim() + "\" is not OEM or AFTERMARKET.");
        }
    }
}
