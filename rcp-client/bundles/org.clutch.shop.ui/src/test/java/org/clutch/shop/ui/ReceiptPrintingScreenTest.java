package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.ReceiptDocument;
import org.clutch.shop.devices.ReceiptPrinter;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a receipt printer among the devices the till prints each sale; without one, or when it fails, the sale stands. */
class ReceiptPrintingScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;

    /** A printer as the till sees one: it keeps what it was sent, or fails as an unplugged printer does. */
    static final class TillPrinter extends FakeDevice implements ReceiptPrinter {
        final List<ReceiptDocument> printed = new CopyOnWriteArrayList<>();
        volatile boolean unplugged;

        TillPrinter() {
            super("receipt-printer", "till printer");
        }

        @Override
        public int columns() {
            return 32;
        }

        @Override
        public void print(ReceiptDocument receipt) {
            if (unplugged) {
                lost("No answer from 192.168.1.40:9100: Connection refused");
                throw new DeviceException("No answer from 192.168.1.40:9100: Connection refused");
            }
            printed.add(receipt);
        }
    }

    private TillPrinter openTillWithPrinter() {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        TillPrinter printer = new TillPrinter();
        new PosView(ui.shell, ui.session(ui.clerk, printer));
        ui.show();
        return printer;
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void aCashSaleIsPrintedAtThePrintersWidthWithItsNumberAsBarcodeAndOpensTheDrawer() {
        TillPrinter printer = openTillWithPrinter();
        ui.typeAndEnter("scan", "4006633123457");
        ui.type("cash", "5000");
        ui.click("complete");
        ui.waitFor(() -> ui.status().endsWith("Receipt printed."));

        assertEquals("Sale S000001 completed. Change due: 500.00. Receipt printed.", ui.status());
        ReceiptDocument receipt = printer.printed.get(0);
        assertEquals(ui.shop.profile().name(), receipt.heading());
        assertEquals("S000001", receipt.barcode());
        assertTrue(receipt.openDrawer(), "cash was taken");
        assertTrue(receipt.lines().stream().allMatch(line -> line.length() <= 32), receipt.lines().toString());
        assertTrue(receipt.lines().stream().anyMatch(line -> line.startsWith("TOTAL") && line.endsWith("4,500.00")),
                receipt.lines().toString());
    }

    @Test
    void anUnpluggedPrinterLeavesTheSaleSavedAndTheReceiptOnScreen() {
        TillPrinter printer = openTillWithPrinter();
        printer.unplugged = true;
        ui.typeAndEnter("scan", "4006633123457");
        ui.type("cash", "4500");
        ui.click("complete");
        ui.waitFor(() -> ui.status().contains("did not print"));

        assertEquals("Receipts print on: till printer (last time: No answer from 192.168.1.40:9100: Connection refused)",
                ui.<Label>find("printer-state").getText());
        assertEquals("Sale S000001 completed. The receipt printer did not print (No answer from 192.168.1.40:9100: "
                + "Connection refused); the receipt is on screen.", ui.status());
        assertTrue(ui.shop.sales().findByNumber("S000001").isPresent());
        assertTrue(ui.<Text>find("receipt").getText().contains("SALE S000001"));
    }
}
