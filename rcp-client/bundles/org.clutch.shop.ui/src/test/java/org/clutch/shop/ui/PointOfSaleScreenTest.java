package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.clutch.shop.catalog.Part;
import org.clutch.shop.sales.SaleRecord;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till, driven through its widgets against a real local database. */
class PointOfSaleScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private Part pads;
    private Part disc;

    @BeforeEach
    void openTill() {
        ui = new ScreenFixture(directory);
        pads = ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        disc = ui.part("BD-200", "Brake disc front", "036000291452", 780000, 0);
        new PosView(ui.shell, ui.session(ui.clerk));
        ui.show();
    }

    @AfterEach
    void closeTill() {
        ui.close();
    }

    @Test
    void aScannedSaleIsPaidInCashWithChangeAndLeavesTheStock() {
        ui.typeAndEnter("scan", "4006633123457");
        ui.typeAndEnter("scan", "4006633123457");

        Table lines = ui.find("lines");
        assertEquals(1, lines.getItemCount(), "the second scan adds to the line");
        assertEquals("2", lines.getItem(0).getText(3));
        assertEquals("9,000.00", ((Label) ui.find("total")).getText());
        assertEquals("1,241.38", ((Label) ui.find("tax")).getText());

        ui.type("cash", "10000");
        assertEquals("1,000.00", ((Label) ui.find("change")).getText());
        ui.click("complete");

        assertEquals("Sale S000001 completed. Change due: 1,000.00.", ui.status());
        assertEquals(0, ((Table) ui.find("lines")).getItemCount(), "a new sale starts");
        assertEquals("No receipt printer: receipts are shown here only.", ((Label) ui.find("printer-state")).getText());
        String receipt = ((Text) ui.find("receipt")).getText();
        assertTrue(receipt.contains("SALE S000001"), receipt);
        assertTrue(receipt.contains("2 x 4,500.00  BP-100"), receipt);
        assertEquals(3, ui.shop.inventory().onHand(pads.id()));
        SaleRecord sale = ui.shop.sales().findByNumber("S000001").orElseThrow();
        assertEquals(900000, sale.totalMinor());
        assertEquals(100000, sale.changeMinor());
    }

    @Test
    void sellingWhatIsNotInStockAsksFirst() {
        ui.prompter.answer(false);
        ui.typeAndEnter("scan", "036000291452");
        assertEquals(0, ((Table) ui.find("lines")).getItemCount(), "declined: nothing added");
        assertTrue(ui.prompter.asked.get(0).startsWith("Only 0 of BD-200 in stock"), ui.prompter.asked.get(0));

        ui.prompter.answer(true);
        ui.typeAndEnter("scan", "036000291452");
        assertEquals(1, ((Table) ui.find("lines")).getItemCount(), "accepted: the disc is on the sale");
        ui.type("card", "7800");
        ui.click("complete");
        assertEquals(-1, ui.shop.inventory().onHand(disc.id()), "the books go negative until the count corrects them");
    }

    @Test
    void wordsListTheMatchesAndAnUnderpaymentIsRefused() {
        ui.typeAndEnter("scan", "brake pad");
        Table results = ui.find("results");
        assertEquals(1, results.getItemCount());
        results.setSelection(0);
        results.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        ui.settle();
        assertEquals(1, ((Table) ui.find("lines")).getItemCount());

        ui.type("cash", "4000");
        assertEquals("due 500.00", ((Label) ui.find("change")).getText());
        ui.click("complete");
        assertEquals("The payment is 500.00 short.", ui.status());
        assertEquals(5, ui.shop.inventory().onHand(pads.id()));
        assertTrue(ui.shop.sales().recent(5).isEmpty());
    }

    @Test
    void aHeldSaleIsRecalledWithItsLines() {
        ui.typeAndEnter("scan", "BP-100");
        ui.prompter.answer("Kamau, fetching the old pads");
        ui.click("hold");
        assertEquals(0, ((Table) ui.find("lines")).getItemCount());
        ui.prompter.answer("1");
        ui.click("recall");
        assertEquals(1, ((Table) ui.find("lines")).getItemCount());
        assertEquals("Recalled \"Kamau, fetching the old pads\".", ui.status());
    }

    @Test
    void aClerksLargeDiscountIsTakenBackUnlessAManagerApprovesAndTheReceiptNamesThem() {
        ui.typeAndEnter("scan", "BP-100");
        ((Table) ui.find("lines")).setSelection(0);

        ui.prompter.answer("9999");
        ui.click("line-discount");
        assertTrue(ui.status().startsWith("The discount is more than the line is worth"), ui.status());
        assertEquals("4,500.00", ((Label) ui.find("total")).getText(), "refused, not cut down to the line's price");

        ui.prompter.answer("25%").answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("line-discount");
        assertEquals("Discount not given: A discount of 25 % of the sale is over the clerk's limit of 10 %."
                + " No manager approved it.", ui.status());
        assertEquals("4,500.00", ((Label) ui.find("total")).getText());

        ui.prompter.answer("25%").answer(ui.manager);
        ui.click("line-discount");
        assertEquals("Discount approved by Amina Wanjiru.", ui.status());
        assertEquals("3,375.00", ((Label) ui.find("total")).getText());
        ui.type("cash", "3375");
        ui.click("complete");

        assertTrue(((Text) ui.find("receipt")).getText().contains("Approved by Amina Wanjiru"));
        assertEquals("Amina Wanjiru", ui.shop.sales().findByNumber("S000001").orElseThrow().approvedByName());

        ui.typeAndEnter("scan", "BP-100");
        assertEquals("", ((Text) ui.find("receipt")).getText(), "the last customer's receipt leaves with them");
    }

    @Test
    void anErrorGoesAwayOnceThePersonFixesIt() {
        ui.typeAndEnter("scan", "BP-100");
        ((Table) ui.find("lines")).setSelection(0);
        ui.prompter.answer("999999");
        ui.click("quantity");
        assertEquals("A quantity of 999999 is more than one sale can hold.", ui.status());
        ui.prompter.answer("2");
        ui.click("quantity");
        assertEquals("", ui.status(), "the old message does not stay after the quantity is fixed");

        ui.type("cash", "-5");
        ui.click("complete");
        assertEquals("Cash received: An amount cannot be negative.", ui.status(), "the message names the field");
        ui.type("cash", "9000");
        assertEquals("", ui.status());
    }

    @Test
    void aSaleGivenAwayNeedsAManagerAndTakesNoPayment() {
        ui.typeAndEnter("scan", "BP-100");
        ui.prompter.answer("100%").answer(ui.manager);
        ui.click("sale-discount");
        assertEquals("0.00", ((Label) ui.find("total")).getText());

        ui.click("complete");

        assertEquals("Sale S000001 completed.", ui.status());
        assertTrue(ui.prompter.asked.get(1).startsWith("The sale comes to zero."), ui.prompter.asked.toString());
    }

    @Test
    void aManagerSetsTheClerksLimits() {
        ui.prompter.answer(ui.manager).answer("30").answer("2000");
        ui.click("till-limits");

        assertEquals("Clerks may now give discounts up to 30 % and refunds up to 2,000.00 without a manager.", ui.status());
        assertEquals(3_000, ui.shop.tillSettings().limits().clerkDiscountLimitBp());

        ui.typeAndEnter("scan", "BP-100");
        ui.prompter.answer("25%");
        ui.click("sale-discount");
        assertEquals("3,375.00", ((Label) ui.find("total")).getText(), "within the new limit nobody is asked");
    }
}
