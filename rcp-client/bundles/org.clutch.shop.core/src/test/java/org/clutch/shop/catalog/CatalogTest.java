package org.clutch.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clutch.shop.TestShop;
import org.clutch.shop.common.RuleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @TempDir
    Path directory;

    private TestShop t;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
        t.shop.catalog().save(new Part(null, "04465-02220", "Toyota", "Brake pad set front", "Brakes", "4006633123457",
                250000, 450000, true, "A-01", 0, 0, 0,
                List.of(new CrossReference(CrossReference.Kind.AFTERMARKET, "Bosch", "0 986 494 170")),
                List.of(new Fitment("Toyota", "Corolla", 2013, 2018, "1.6"))), t.manager);
        t.shop.catalog().save(new Part(null, "OX 415D", "Mahle", "Oil filter element", "Filters", null, 40000, 85000, true,
                "B-02", 0, 0, 0, List.of(), List.of(new Fitment("Volkswagen", "Golf", 2008, 2012, "2.0 TDI"))), t.manager);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    @Test
    void onlyAManagerPricesAPartBelowItsCost() {
        Part filter = t.shop.catalog().findByNumber("OX 415D").stream().findFirst()
                .flatMap(p -> t.shop.catalog().get(p.id())).orElseThrow();
        Part belowCost = new Part(filter.id(), filter.partNumber(), filter.brand(), filter.name(), filter.category(), null,
                90_000, filter.priceMinor(), true, "B-02", 0, 0, 0, List.of(), filter.fitments());

        RuleException refused = assertThrows(RuleException.class, () -> t.shop.catalog().save(belowCost, t.clerk),
                "a clerk raising the cost above the price");
        assertEquals("Only a shop manager can price a part below its cost.", refused.getMessage());
        assertThrows(RuleException.class, () -> t.shop.catalog().save(new Part(null, "NEW-1", "Mahle", "New filter",
                "Filters", null, 63_082, 50_000, true, "B-02", 0, 0, 0, List.of(), List.of()), t.clerk));
        assertEquals(40_000, t.shop.catalog().get(filter.id()).orElseThrow().costMinor(), "nothing saved");

        assertEquals(90_000, t.shop.catalog().save(belowCost, t.manager).costMinor());
        Part renamed = new Part(filter.id(), filter.partNumber(), filter.brand(), "Oil filter", filter.category(), null,
                90_000, filter.priceMinor(), true, "B-02", 0, 0, 0, List.of(), filter.fitments());
        assertEquals("Oil filter", t.shop.catalog().save(renamed, t.clerk).name(), "other edits stay open to clerks");
    }

    @Test
    void findsByBarcodePartNumberCrossReferenceWordsAndVehicle() {
        assertEquals("04465-02220", t.shop.catalog().findByBarcode("4006633123457").orElseThrow().partNumber());
        assertEquals("04465-02220", t.shop.catalog().search("0446502220", 10).get(0).partNumber(), "separators ignored");
        assertEquals("04465-02220", t.shop.catalog().search("0986494170", 10).get(0).partNumber(), "by cross-reference");
        assertEquals("OX 415D", t.shop.catalog().search("ox415", 10).get(0).partNumber(), "number prefix");
        assertEquals("OX 415D", t.shop.catalog().search("oil filt", 10).get(0).partNumber(), "word prefixes");
        assertTrue(t.shop.catalog().search("brake filter", 10).isEmpty(), "all words must match");
        assertEquals(List.of("04465-02220"), t.shop.catalog().searchByVehicle("toyota", "corolla", 2015, "", 10)
                .stream().map(PartSummary::partNumber).toList());
        assertTrue(t.shop.catalog().searchByVehicle("toyota", "corolla", 2019, "", 10).isEmpty(), "outside the years");
        assertEquals(List.of("OX 415D"), t.shop.catalog().searchByVehicle("Volkswagen", "Golf", 2010, "oil", 10)
                .stream().map(PartSummary::partNumber).toList());
    }

    @Test
    void findsPartsForAMakeAndYearWhenTheModelIsNotKnown() {
        // a VIN tells the maker and the model year only
        assertEquals(List.of("04465-02220"), t.shop.catalog().searchByMakeAndYear("TOYOTA", 2014, "brake", 10)
                .stream().map(PartSummary::partNumber).toList());
        assertTrue(t.shop.catalog().searchByMakeAndYear("Toyota", 2012, "", 10).isEmpty(), "before the years");
        assertTrue(t.shop.catalog().searchByMakeAndYear("Toyota", 2014, "oil", 10).isEmpty(), "narrowed by words");
        assertEquals(List.of("OX 415D"), t.shop.catalog().searchByMakeAndYear("volkswagen", 2008, "", 10)
                .stream().map(PartSummary::partNumber).toList());
    }

    @Test
    void onlyAManagerChangesAPriceAndABarcodeBelongsToOnePart() {
        Part pads = t.shop.catalog().get(t.shop.catalog().findByBarcode("4006633123457").orElseThrow().id()).orElseThrow();
        RuleException clerk = assertThrows(RuleException.class,
                () -> t.shop.catalog().save(pads.withPrice(400000), t.clerk));
        assertEquals("Only a shop manager can change a selling price.", clerk.getMessage());
        t.shop.catalog().save(pads.withPrice(400000), t.manager);
        assertEquals(400000, t.shop.catalog().get(pads.id()).orElseThrow().priceMinor());

        RuleException taken = assertThrows(RuleException.class, () -> t.shop.catalog().save(new Part(null, "X-1", "Bosch",
                "Something", "Misc", "4006633123457", 1, 1, true, null, 0, 0, 0, List.of(), List.of()), t.clerk));
        assertTrue(taken.getMessage().contains("already belongs to part 04465-02220"), taken.getMessage());
        assertEquals(2, t.shop.catalog().count());
    }

    @Test
    void badPartsAreRefusedWithTheReason() {
        RuleException missing = assertThrows(RuleException.class, () -> t.shop.catalog().save(
                new Part(null, " ", "", "Pads", "Brakes", null, 1, 1, true, null, 0, 0, 0, List.of(), List.of()), t.clerk));
        assertEquals("A part needs a part number, a brand.", missing.getMessage());
        RuleException checkDigit = assertThrows(RuleException.class, () -> t.shop.catalog().save(
                new Part(null, "P-1", "Bosch", "Pads", "Brakes", "4006633123455", 1, 1, true, null, 0, 0, 0, List.of(),
                        List.of()), t.clerk));
        assertTrue(checkDigit.getMessage().contains("wrong check digit"));
    }

    @Test
    void retailBarcodeCheckDigits() {
        assertTrue(Barcodes.isValid("4006633123457"));
        assertTrue(Barcodes.isValid("036000291452"), "UPC-A");
        assertTrue(Barcodes.isValid("96385074"), "EAN-8");
        assertFalse(Barcodes.isValid("036000291453"));
        assertTrue(Barcodes.isValid("BOSCH-0986494170"), "other symbologies are taken as text");
    }
}
