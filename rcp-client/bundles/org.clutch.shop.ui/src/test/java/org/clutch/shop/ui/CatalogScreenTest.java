package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.clutch.shop.catalog.Part;
import org.clutch.shop.inventory.StockReason;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog imports and exports run as background jobs; stock is corrected and counted from the same screen. */
class CatalogScreenTest {

    @TempDir
    Path directory;
    @TempDir
    Path files;

    private ScreenFixture ui;
    private Part pads;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        pads = ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        new CatalogView(ui.shell, ui.session(ui.clerk));
        ui.show();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void anImportRunsInTheBackgroundAppliesGoodRowsAndSavesTheRejectedOnesWithReasons() throws Exception {
        Path file = files.resolve("supplier-list.csv");
        Files.writeString(file, "\uFEFFpart_number,brand,name,category,cost,price\n"
                + "SP-1,NGK,Spark plug iridium,Ignition,450,900\n"
                + "SP-2,NGK,Spark plug,Ignition,-1,200\n"
                + "SP-3,NGK,Spark plug copper,Ignition,90,180\n", StandardCharsets.UTF_8);
        ui.prompter.answer(file);

        ui.click("import-catalog");
        ui.waitFor(() -> ui.status().contains("rows applied"));

        assertEquals("2 of 3 rows applied, 1 rejected. Rejected rows and reasons: " + files.resolve("supplier-list-rejected.csv"),
                ui.status());
        assertEquals("3 parts", ui.<Label>find("part-count").getText());
        List<String> rejected = Files.readAllLines(files.resolve("supplier-list-rejected.csv"));
        assertEquals("\uFEFFline,part_number,brand,name,category,cost,price,reason", rejected.get(0), "marked as UTF-8 for Excel");
        assertTrue(rejected.get(1).startsWith("3,SP-2,NGK"), rejected.get(1));
        assertTrue(rejected.get(1).contains("negative"), rejected.get(1));

        ui.typeAndEnter("catalog-query", "spark plug");
        assertEquals(2, ui.<Table>find("catalog-results").getItemCount());

        Path export = files.resolve("catalog.csv");
        ui.prompter.answer(export);
        ui.click("export-catalog");
        ui.waitFor(() -> ui.status().startsWith("Exported"));
        assertEquals("Exported 3 parts to " + export + ".", ui.status());
        assertEquals(4, Files.readAllLines(export).size());
    }

    @Test
    void aClerkCountsABinAndAManagerApprovesAnAdjustment() {
        Table results = showPads();

        ui.prompter.answer("A-01").answer("3");
        ui.click("count-bin");
        assertEquals("Counted 3 of BP-100 in A-01; the books said 5, variance -2.", ui.status());

        ui.prompter.answer("B-02").answer("4").answer("found in the back room").answer(ui.manager);
        ui.click("adjust-stock");
        assertEquals(Map.of("A-01", 3, "B-02", 4), ui.shop.inventory().onHandByBin(pads.id()));
        assertEquals(StockReason.ADJUSTMENT, ui.shop.inventory().ledger(pads.id(), 1).get(0).reason());
        assertEquals("7", results.getItem(0).getText(6), "the list shows what the ledger says");
        assertTrue(ui.<org.eclipse.swt.widgets.Text>find("part-details").getText().contains("Stock: A-01: 3, B-02: 4 (7 in all)"),
                ui.<org.eclipse.swt.widgets.Text>find("part-details").getText());

        ui.prompter.answer("B-02").answer("1").answer("found").answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("adjust-stock");
        assertEquals(7, ui.shop.inventory().onHand(pads.id()), "no manager, no adjustment");

        ui.prompter.answer("B-02").answer("c-03").answer("5");
        ui.click("transfer-stock");
        assertEquals("Bin B-02 holds 4; move at most that.", ui.status());
        ui.prompter.answer("B-02").answer("c-03").answer("3");
        ui.click("transfer-stock");
        assertEquals("Moved 3 of BP-100 from B-02 to C-03.", ui.status());
        assertEquals(Map.of("A-01", 3, "B-02", 1, "C-03", 3), ui.shop.inventory().onHandByBin(pads.id()));
    }

    /** Finds the pads and chooses them in the list, as a clerk clicking the row. */
    private Table showPads() {
        ui.typeAndEnter("catalog-query", "BP-100");
        Table results = ui.find("catalog-results");
        results.setSelection(0);
        results.notifyListeners(SWT.Selection, new Event());
        return results;
    }

    @Test
    void tabInTheListBoxesMovesOnAndNeverLandsInTheData() {
        ui.click("new-part");
        org.eclipse.swt.widgets.Text fits = ui.find("part-fitment");
        fits.setFocus();
        ui.settle();
        fits.setText("Toyota:Corolla:2014-2019:1.8");
        Event tab = new Event();
        tab.character = '\t';
        tab.keyCode = SWT.TAB;
        tab.doit = false; // what a multi-line box does with Tab by default: type it

        assertTrue(fits.traverse(SWT.TRAVERSE_TAB_NEXT, tab), "Tab moves on instead of typing a tab into the box");
        ui.settle();

        ui.type("part-number", "OF-221");
        ui.type("part-brand", "Mann");
        ui.type("part-name", "Oil filter");
        ui.type("part-category", "Filters");
        ui.type("part-price", "650");
        ui.type("part-cost", "300");
        ui.type("part-cross-references", "OEM:Toyota:90915\tYZZE1");
        ui.click("save-part");
        assertEquals("The cross-reference number contains a tab or another control character; type it without.", ui.status());
        assertEquals(1, ui.shop.catalog().count(), "nothing saved");
    }

    @Test
    void anAdjustmentIsCheckedAsEachAnswerIsGivenAndNeverLeavesABinBelowZero() {
        showPads();

        ui.prompter.answer("A-01").answer("abc");
        ui.click("adjust-stock");
        assertEquals("The units to adjust by are a whole number, like 4 or -2.", ui.status());
        assertEquals(2, ui.prompter.asked.size(), "the reason and the manager were not asked for");
        assertTrue(ui.prompter.asked.get(1).contains("which holds 5"), ui.prompter.asked.get(1));

        ui.prompter.answer("a-01").answer("-100");
        ui.click("adjust-stock");
        assertEquals("Bin A-01 holds 5; taking out 100 would leave it below zero. Take out at most that, or count the"
                + " bin if the books are wrong.", ui.status());
        assertEquals(5, ui.shop.inventory().onHand(pads.id()));
        org.junit.jupiter.api.Assertions.assertThrows(org.clutch.shop.common.RuleException.class,
                () -> ui.shop.inventory().adjust(pads.id(), "A-01", -6, "shrinkage", ui.manager), "the rule holds below the screen too");

        ui.prompter.answer("A-01").answer("-5").answer(" ");
        ui.click("adjust-stock");
        assertEquals("Say why the stock is adjusted; nothing was changed.", ui.status());
        assertEquals(5, ui.shop.inventory().onHand(pads.id()));
    }

    @Test
    void aClerkAddsAPartThatIsThenFoundByCrossReferenceAndVehicleButAPriceChangeNeedsAManager() {
        ui.click("new-part");
        ui.type("part-number", "OF-220");
        ui.type("part-brand", "Mann");
        ui.type("part-name", "Oil filter");
        ui.type("part-category", "Filters");
        ui.type("part-barcode", "4011558012346");
        ui.type("part-cost", "300");
        ui.type("part-price", "650");
        ui.type("part-reorder-point", "4");
        ui.type("part-cross-references", "OEM:Toyota:90915-YZZE1\nAFTERMARKET:Bosch:F026407");
        ui.click("save-part");
        assertEquals("The barcode 4011558012346 has a wrong check digit or characters.", ui.status());
        assertEquals(1, ui.shop.catalog().count(), "nothing saved from a refused form");

        ui.type("part-barcode", "4011558012342");
        ui.type("part-fitment", "Toyota:Corolla:2014-2019:1.8\nToyota:Auris:2013");
        ui.click("save-part");
        assertEquals("Added Mann OF-220.", ui.status());
        assertEquals("2 parts", ui.<Label>find("part-count").getText());
        Table results = ui.find("catalog-results");
        assertEquals("OF-220", results.getItem(0).getText(0));

        ui.typeAndEnter("catalog-query", "90915 yzze1");
        assertEquals(1, results.getItemCount(), "found by its OEM number typed another way");
        ui.typeAndEnter("catalog-query", "");
        ui.<org.eclipse.swt.widgets.Combo>find("vehicle-make").setText("Toyota");
        ui.type("vehicle-model", "Auris");
        ui.type("vehicle-year", "2013");
        ui.click("catalog-search");
        assertEquals(List.of("OF-220"), List.of(results.getItem(0).getText(0)));
        assertEquals(1, results.getItemCount(), "the pads fit a Corolla, not an Auris");

        results.setSelection(0);
        results.notifyListeners(SWT.Selection, new Event());
        assertEquals("650.00", ui.<org.eclipse.swt.widgets.Text>find("part-price").getText());
        ui.type("part-name", "Oil filter, spin-on");
        ui.type("part-price", "700");
        ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("save-part");
        assertEquals("Not saved: the price was not approved by a manager.", ui.status());
        Part unchanged = ui.shop.catalog().get(ui.shop.catalog().findByNumber("OF-220").get(0).id()).orElseThrow();
        assertEquals(65000, unchanged.priceMinor());
        assertEquals("Oil filter", unchanged.name());

        ui.prompter.answer(ui.manager);
        ui.click("save-part");
        assertEquals("Saved Mann OF-220.", ui.status());
        Part changed = ui.shop.catalog().get(unchanged.id()).orElseThrow();
        assertEquals(70000, changed.priceMinor());
        assertEquals("Oil filter, spin-on", changed.name());
        assertEquals(2, changed.fitments().size());
        assertEquals(2, ui.shop.catalog().count(), "an edit, not a second part");
        assertTrue(ui.prompter.asked.get(1).contains("from 650.00 to 700.00"), ui.prompter.asked.toString());
    }
}
