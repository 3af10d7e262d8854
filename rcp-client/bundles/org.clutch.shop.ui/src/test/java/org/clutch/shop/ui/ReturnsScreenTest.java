package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clutch.shop.catalog.Part;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.RefundMethod;
import org.clutch.shop.sales.ReturnItem;
import org.clutch.shop.sales.SaleRecord;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Returns and voids, driven through the screen by a clerk, with a manager approving where needed. */
class ReturnsScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private Part pads;
    private SaleRecord sale;

    @BeforeEach
    void sellSomething() {
        ui = new ScreenFixture(directory);
        pads = ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        Cart cart = new Cart(ui.shop.profile().tax());
        cart.add(ui.shop.catalog().findByNumber("BP-100").get(0), 3);
        sale = ui.shop.sales().complete(cart, List.of(Tender.cash(1_350_000)), ui.clerk);
        new ReturnsView(ui.shell, ui.session(ui.clerk));
        ui.show();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private void tick(int row, int quantity, boolean backOnShelf) {
        Table lines = ui.find("return-lines");
        TableItem item = lines.getItem(row);
        item.setChecked(true);
        lines.setSelection(row);
        Event check = new Event();
        check.item = item;
        check.detail = SWT.CHECK;
        lines.notifyListeners(SWT.Selection, check);
        Spinner spinner = ui.find("return-quantity");
        spinner.setSelection(quantity);
        spinner.notifyListeners(SWT.Selection, new Event());
        org.eclipse.swt.widgets.Button restock = ui.find("restock");
        restock.setSelection(backOnShelf);
        restock.notifyListeners(SWT.Selection, new Event());
        ui.settle();
    }

    @Test
    void oneUnitBackOnTheShelfIsRefundedAndRestocked() {
        ui.typeAndEnter("sale-number", sale.number());
        assertTrue(((Label) ui.find("sale-header")).getText().startsWith("Sale S000001"));

        tick(0, 1, true);
        ui.click("return");

        assertEquals("Return R000002 made: refund 4,500.00 by cash.", ui.status());
        assertEquals(3, ui.shop.inventory().onHand(pads.id()), "5 - 3 sold + 1 back");
        assertEquals("1", ((Table) ui.find("return-lines")).getItem(0).getText(4), "the line shows 1 returned");
        assertTrue(((Text) ui.find("return-receipt")).getText().contains("REFUND R000002"));
    }

    @Test
    void aLargeRefundWaitsForTheManagerAndDamagedGoodsStayOffTheShelf() {
        ui.typeAndEnter("sale-number", sale.number());
        tick(0, 2, false);

        ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("return");
        assertEquals("Return not made: no manager approved it.", ui.status());
        assertEquals(2, ui.shop.inventory().onHand(pads.id()));

        ui.prompter.answer(ui.manager);
        ui.click("return");
        assertTrue(ui.status().startsWith("Return R000002 made: refund 9,000.00"));
        assertEquals(2, ui.shop.inventory().onHand(pads.id()), "damaged units are not restocked");
    }

    @Test
    void aVoidNeedsTheManagerAndAReasonAndPutsTheStockBack() {
        ui.typeAndEnter("sale-number", sale.number());
        ui.prompter.answer(" ");
        ui.click("void");
        assertEquals("Say why the sale is voided; it was not voided.", ui.status());
        assertEquals(1, ui.prompter.asked.size(), "no manager is asked to sign in for nothing");

        ui.prompter.answer("rang up the wrong car").answer(ui.manager);
        ui.click("void");

        assertEquals("Sale S000001 voided; its goods are back in stock.", ui.status());
        assertEquals(5, ui.shop.inventory().onHand(pads.id()));
        assertEquals(SaleRecord.Status.VOIDED, ui.shop.sales().findByNumber("S000001").orElseThrow().status());
    }

    @Test
    void aSaleWithGoodsAlreadyReturnedSaysSoBeforeAskingAnything() {
        ui.shop.sales().returnItems(sale.number(), List.of(new ReturnItem(1, 1, true)), RefundMethod.AS_PAID, ui.clerk, null);
        ui.typeAndEnter("sale-number", sale.number());

        ui.click("void");

        assertEquals("Goods were already returned against sale S000001; return the rest instead.", ui.status());
        assertTrue(ui.prompter.asked.isEmpty(), ui.prompter.asked.toString());
    }

    @Test
    void aCardSaleIsRefundedToTheCardAndCashInsteadNeedsAManager() {
        Cart cart = new Cart(ui.shop.profile().tax());
        cart.add(ui.shop.catalog().findByNumber("BP-100").get(0), 1);
        SaleRecord byCard = ui.shop.sales().complete(cart, List.of(Tender.card(450_000, "AUTH 9")), ui.clerk);
        ui.typeAndEnter("sale-number", byCard.number());
        tick(0, 1, true);
        Combo how = ui.find("refund-kind");
        how.select(1);

        ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("return");
        assertEquals("Return not made: no manager approved it.", ui.status());
        assertTrue(ui.prompter.asked.get(0).contains("in cash is more than the 0.00 the sale took in cash"),
                ui.prompter.asked.toString());

        how.select(0);
        ui.click("return");
        assertEquals("Return R000003 made: refund 4,500.00 by card.", ui.status());
    }

    @Test
    void anUnknownSaleNumberSaysSo() {
        ui.typeAndEnter("sale-number", "S999999");
        assertEquals("There is no sale S999999.", ui.status());
    }
}
