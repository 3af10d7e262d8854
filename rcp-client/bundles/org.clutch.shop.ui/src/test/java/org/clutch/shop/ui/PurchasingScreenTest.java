package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.purchasing.OrderLine;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.purchasing.Supplier;
import org.clutch.shop.purchasing.SupplierPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clerk records a supplier, orders from it, a manager approves, and the delivery arrives in two parts. */
class PurchasingScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private SyncJob sync;
    private Part pads;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        pads = ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 2);
        sync = ui.syncWithUnreachableBroker();
        new PurchasingView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();
    }

    @AfterEach
    void close() {
        sync.stop();
        ui.close();
    }

    @Test
    void aPurchaseOrderIsReceivedInTwoDeliveriesAndTheStockArrives() {
        ui.type("supplier-name", "Nairobi Auto Parts");
        ui.type("supplier-phone", "0700 000 001");
        ui.type("supplier-lead-time", "3");
        ui.click("save-supplier");
        assertEquals("Nairobi Auto Parts", ui.<Combo>find("order-supplier").getText());

        ui.type("source-part", "BP-100");
        ui.type("source-number", "NAP-77");
        ui.type("source-cost", "2,400");
        ui.click("save-source");
        assertEquals("NAP-77", ui.shop.purchasing().sourcesOf(pads.id()).stream().map(SupplierPart::supplierPartNumber)
                .findFirst().orElseThrow());

        ui.type("order-part", "4006633123457");
        ui.type("order-quantity", "10");
        ui.click("add-to-draft");
        Table orders = ui.find("orders");
        assertEquals(1, orders.getItemCount());
        assertEquals("PO000001", orders.getItem(0).getText(0));
        assertEquals("Draft", orders.getItem(0).getText(2));
        assertEquals("24,000.00", orders.getItem(0).getText(6), "ten at the supplier's cost");

        ui.click("send");
        assertTrue(ui.status().contains("cannot be sent"), ui.status());

        ui.prompter.answer(ScreenFixture.ScriptedPrompter.NOBODY);
        ui.click("approve");
        assertEquals("Draft", orders.getItem(0).getText(2), "no manager came, so it stays a draft");
        ui.prompter.answer(ui.manager);
        ui.click("approve");
        assertEquals("Approved", orders.getItem(0).getText(2));
        ui.click("send");
        assertEquals("Sent", orders.getItem(0).getText(2));

        Table lines = ui.find("order-lines");
        lines.setSelection(0);
        ui.type("receive-quantity", "12");
        ui.click("receive-line");
        assertTrue(ui.status().contains("10 are still expected"), ui.status());
        assertEquals(2, ui.shop.inventory().onHand(pads.id()), "a refused delivery books nothing");
        ui.type("receive-quantity", "6");
        ui.click("receive-line");
        assertEquals("Partially received", orders.getItem(0).getText(2));
        assertEquals("6", lines.getItem(0).getText(5));
        assertEquals("4", lines.getItem(0).getText(6));
        assertEquals(8, ui.shop.inventory().onHand(pads.id()));

        ui.prompter.answer(true);
        ui.click("receive-all");
        assertEquals("Received", orders.getItem(0).getText(2));
        assertEquals("0", orders.getItem(0).getText(5));
        assertTrue(ui.status().contains("it is now received"), ui.status());

        assertEquals(Map.of("A-01", 12), ui.shop.inventory().onHandByBin(pads.id()));
        assertEquals(StockReason.RECEIPT, ui.shop.inventory().ledger(pads.id(), 1).get(0).reason());
        assertEquals(240000, ui.shop.catalog().get(pads.id()).orElseThrow().costMinor(), "the part takes the new cost");
        PurchaseOrder order = ui.shop.purchasing().findByNumber("PO000001").orElseThrow();
        assertEquals(PurchaseOrder.Status.RECEIVED, order.status());
        assertEquals("Amina Wanjiru", order.approvedBy());
    }

    @Test
    void theSuppliersShipmentShowsOnTheOrderAsItArrives() {
        Supplier supplier = ui.shop.purchasing().saveSupplier(new Supplier(null, "Nairobi Auto Parts", null, null, null, 3, true),
                ui.manager);
        PurchaseOrder order = ui.shop.purchasing().draft(supplier.id(), List.of(new OrderLine(pads.id(), 10, 240000L)), null,
                ui.manager);
        ui.shop.purchasing().approve(order.id(), ui.manager);
        ui.shop.purchasing().send(order.id(), ui.manager);
        ui.click("refresh-orders");
        Table orders = ui.find("orders");
        orders.setSelection(0);
        orders.notifyListeners(SWT.Selection, new Event());
        assertEquals("", orders.getItem(0).getText(8), "nothing said yet");

        sync.agent().take(new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), ShopInboxTypes.SUPPLIER_UPDATE, 1, order.id(),
                Instant.now(), """
                {"purchaseOrderId":"%s","number":"PO000001","status":"SHIPPED","note":null,"expectedShipDate":null,
                 "carrier":"G4S Courier","trackingNumber":"G4S-778812","at":"2026-11-22T08:40:00Z"}""".formatted(order.id())));
        ui.waitFor(() -> !orders.getItem(0).getText(8).isEmpty());
        assertEquals("shipped with G4S Courier, tracking G4S-778812", orders.getItem(0).getText(8));
        assertEquals("Sent", orders.getItem(0).getText(2), "still to be received");
        assertTrue(((Label) ui.find("supplier-answer")).getText().startsWith(
                "Nairobi Auto Parts shipped with G4S Courier, tracking G4S-778812 — 2026-11-22 "), "the selected order says it in full");
        assertEquals("Purchase order PO000001: Nairobi Auto Parts shipped with G4S Courier, tracking G4S-778812.", ui.status());
    }
}
