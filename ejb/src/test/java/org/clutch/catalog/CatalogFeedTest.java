package org.clutch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clutch.platform.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

/** A feed item's rules, as a supplier reads them back in a refusal: each field by its path, in plain words. */
class CatalogFeedTest {

    @Test
    void aWellFormedItemHasNoProblems() {
        assertEquals(List.of(), item("BP-1001", "Brakeline", "Brake pad set front", new BigDecimal("4700.00"), "KES",
                new CatalogFeed.Fitment("TOYOTA", "Corolla", 2014, 2018, "1.8", "front")).problems("items[0]."));
    }

    @Test
    void eachBrokenRuleIsNamedByItsField() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("material", "x".repeat(201));
        CatalogFeed.Item broken = new CatalogFeed.Item(" ", "B".repeat(101), "Pads", attributes,
                new CatalogFeed.Price("kes", new BigDecimal("-5"), new BigDecimal("1234567890123.456")), List.of(""),
                java.util.Arrays.asList(new CatalogFeed.Fitment("TOYOTA", "", 1899, 1890, null, null), null));
        assertEquals(List.of(
                new FieldError("items[3].partNumber", "must not be blank"),
                new FieldError("items[3].brand", "size must be between 0 and 100"),
                new FieldError("items[3].attributes[material]", "size must be between 0 and 200"),
                new FieldError("items[3].price.currency", "must be a three-letter ISO 4217 code"),
                new FieldError("items[3].price.list", "must be greater than or equal to 0"),
                new FieldError("items[3].price.net", "must have at most 12 digits before the decimal point and 2 after"),
                new FieldError("items[3].interchangeNumbers[0]", "must not be blank"),
                new FieldError("items[3].fitment[0].model", "must not be blank"),
                new FieldError("items[3].fitment[0].yearFrom", "must be greater than or equal to 1900"),
                new FieldError("items[3].fitment[0].yearTo", "must be greater than or equal to 1900"),
                new FieldError("items[3].fitment[0].yearRangeOrdered", "yearTo must not be before yearFrom"),
                new FieldError("items[3].fitment[1]", "must not be null")), broken.problems("items[3]."));
        assertEquals(List.of(new FieldError("items[0].price", "must not be null")),
                new CatalogFeed.Item("P", "B", "D", null, null, null, null).problems("items[0]."));
    }

    private static CatalogFeed.Item item(String number, String brand, String description, BigDecimal list, String currency,
            CatalogFeed.Fitment fitment) {
        return new CatalogFeed.Item(number, brand, description, Map.of("material", "ceramic"),
                new CatalogFeed.Price(currency, list, null), List.of("D1210"), List.of(fitment));
    }
}
