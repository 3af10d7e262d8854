package org.clutch.shop.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.clutch.shop.Shop;
import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.inventory.StockReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExchangeTest {

    @TempDir
    Path directory;
    @TempDir
    Path otherDirectory;

    private TestShop t;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    @Test
    void goodRowsApplyBadRowsAreReportedAndNoRowHalfApplies() {
        PartSummary pads = t.part("BP-100", "Brake pad set front", null, 250000, 450000, 0);
        String file = """
                part_number,brand,name,category,barcode,cost,price,taxable,cross_references,fitment
                SP-1,NGK,Spark plug iridium,Ignition,4006633123457,450.00,900,yes,OEM:Toyota:90919-01253,Toyota:Corolla:2014-2019:1.8
                SP-2,NGK,Spark plug,Ignition,4006633123458,100,200,yes,,
                SP-3,NGK,Spark plug copper,Ignition,,abc,200,yes,,
                SP-4,NGK,Spark plug,Ignition,,100,200,yes,,Toyota:Corolla:2019-2014
                SP-5,NGK,Glow plug,Ignition,,100,200,maybe,,
                ,NGK,No number,Ignition,,1,2,yes,,
                SP-6,NGK,Spark plug twin,Ignition,,120.50,240,no,AFTERMARKET:Denso:K20TT,
                BP-100,Bosch,Brake pad set front (ceramic),Brakes,,2500,4500,yes,,
                BP-100,Bosch,Brake pad set front,Brakes,,2500,4999,yes,,
                SP-7,NGK,too few
                """;

        ImportReport report = t.shop.catalogCsv().importFrom(new StringReader(file), t.clerk, Progress.NONE);

        assertEquals(10, report.rowsRead());
        assertEquals(3, report.applied(), report.rejected().toString());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 10L, 11L), report.rejected().stream().map(ImportReport.Rejected::line).toList());
        assertTrue(report.rejected().get(0).reason().contains("check digit"), report.rejected().get(0).reason());
        assertTrue(report.rejected().get(1).reason().startsWith("cost:"), report.rejected().get(1).reason());
        assertTrue(report.rejected().get(5).reason().contains("manager"), "a clerk's file cannot change a price");
        Part plug = t.shop.catalog().get(t.shop.catalog().findByNumber("SP-1").get(0).id()).orElseThrow();
        assertEquals(45000, plug.costMinor());
        assertEquals(List.of(new CrossReference(CrossReference.Kind.OEM, "Toyota", "90919-01253")), plug.crossReferences());
        assertEquals(List.of(new Fitment("TOYOTA", "COROLLA", 2014, 2019, "1.8")), plug.fitments());
        assertTrue(t.shop.catalog().findByNumber("SP-4").isEmpty(), "a row with a bad fitment adds no part at all");
        Part renamed = t.shop.catalog().get(pads.id()).orElseThrow();
        assertEquals("Brake pad set front (ceramic)", renamed.name(), "an existing part is updated, matched by brand and number");
        assertEquals(List.of(), renamed.crossReferences(), "an empty cell in a column the file has means none");
        assertEquals(List.of(), renamed.fitments());

        t.shop.catalogCsv().importFrom(new StringReader("part_number,brand,category\nbp 100,BOSCH,Brake pads\n"), t.clerk,
                Progress.NONE);
        Part recategorised = t.shop.catalog().get(pads.id()).orElseThrow();
        assertEquals("Brake pads", recategorised.category());
        assertEquals(renamed.name(), recategorised.name(), "a column the file leaves out keeps what the part had");
        assertEquals(450000, recategorised.priceMinor());

        StringWriter rejected = new StringWriter();
        report.writeRejected(rejected);
        assertTrue(rejected.toString().startsWith("\uFEFFline,part_number,brand,name"), "marked as UTF-8 for Excel: " + rejected);
        assertEquals(8, rejected.toString().lines().count());
    }

    @Test
    void anExportedCatalogAndStockImportIntoAnotherShopAsTheSame() {
        PartSummary pads = t.part("BP-100", "Brake pad set, front", "4006633123457", 250000, 450000, 7);
        t.shop.inventory().adjust(pads.id(), "B-02", 3, "found", t.manager);
        t.part("BD-200", "Brake disc \"vented\"", null, 400000, 780000, 2);
        StringWriter catalog = new StringWriter();
        StringWriter stock = new StringWriter();
        assertEquals(2, t.shop.catalogCsv().export(catalog, Progress.NONE));
        assertEquals(3, t.shop.stockCsv().export(stock, Progress.NONE));

        try (TestShop other = new TestShop(otherDirectory)) {
            Shop shop = other.shop;
            assertEquals(2, shop.catalogCsv().importFrom(new StringReader(catalog.toString()), other.manager, Progress.NONE).applied());
            ImportReport counts = shop.stockCsv().importCounts(new StringReader(stock.toString()), other.manager, Progress.NONE);
            assertEquals(3, counts.applied(), counts.rejected().toString());

            Part copy = shop.catalog().get(shop.catalog().findByBarcode("4006633123457").orElseThrow().id()).orElseThrow();
            Part original = t.shop.catalog().get(pads.id()).orElseThrow();
            assertEquals(original.withId(copy.id()), copy);
            assertEquals(Map.of("A-01", 7, "B-02", 3), shop.inventory().onHandByBin(copy.id()));
            assertEquals(StockReason.COUNT, shop.inventory().ledger(copy.id(), 1).get(0).reason());
            assertEquals("Brake disc \"vented\"", shop.catalog().findByNumber("BD-200").get(0).name());
        }
    }

    @Test
    void exportsOpenInExcelWithNamesInAnyAlphabetIntact() throws IOException {
        String name = "Bremsbeläge Ø280 – Čačak «Toyota» 刹车片";
        t.part("BP-300", name, null, 250000, 450000, 4);
        Path file = directory.resolve("catalog.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            t.shop.catalogCsv().export(out, Progress.NONE);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3),
                "Excel takes a file for UTF-8 by its byte order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("part_number,brand,name,"), "the header is the first thing after the mark");
        assertTrue(text.contains(name));

        try (TestShop other = new TestShop(otherDirectory); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertEquals(1, other.shop.catalogCsv().importFrom(in, other.manager, Progress.NONE).applied());
            assertEquals(name, other.shop.catalog().findByNumber("BP-300").get(0).name());
        }
    }

    @Test
    void aStockFileIsACountOnlyAManagerAppliesWithItsBadRowsReported() {
        PartSummary pads = t.part("BP-100", "Brake pad set front", null, 250000, 450000, 5);
        String file = """
                part_number,brand,bin,on_hand
                BP-100,Bosch,A-01,8
                BP-100,Bosch,B-01,-1
                XX-1,Bosch,A-01,3
                BP-100,Bosch,a-01,2
                BP-100,Bosch,,2
                """;
        assertThrows(RuleException.class, () -> t.shop.stockCsv().importCounts(new StringReader(file), t.clerk, Progress.NONE));
        assertEquals(5, t.shop.inventory().onHand(pads.id()));

        ImportReport report = t.shop.stockCsv().importCounts(new StringReader(file), t.manager, Progress.NONE);

        assertEquals(1, report.applied());
        assertEquals(List.of(3L, 4L, 5L, 6L), report.rejected().stream().map(ImportReport.Rejected::line).toList());
        assertEquals(8, t.shop.inventory().onHand(pads.id()));
        assertThrows(RuleException.class, () -> t.shop.stockCsv().importCounts(
                new StringReader("part_number,brand,quantity\nBP-100,Bosch,1\n"), t.manager, Progress.NONE),
                "a file without the bin and on_hand columns is refused whole");
    }
}
