package org.clutch.shop.ui;

import java.time.ZoneId;

import org.clutch.shop.devices.DeviceStatus;
import org.clutch.shop.devices.ReceiptDocument;
import org.clutch.shop.devices.ReceiptPrinter;
import org.clutch.shop.sales.SaleRecord;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

/** Where the till's receipts go, shown under the receipt, and printing one without holding up the till. */
final class ReceiptPrinting {

    private final ShopSession session;
    private final Label printerState;
    private final StatusLine status;

    ReceiptPrinting(Composite parent, ShopSession session, StatusLine status) {
        this.session = session;
        this.status = status;
        printerState = new Label(parent, SWT.WRAP);
        printerState.setData("name", "printer-state");
        GridData printerData = Screens.wide(2);
        printerData.widthHint = 360; // a long printer description wraps instead of being cut off
        printerState.setLayoutData(printerData);
        showPrinter();
    }

    /** Says where receipts go, so a missing or unplugged printer is noticed before the customer waits for paper. */
    void showPrinter() {
        printerState.setText(session.devices().receiptPrinter()
                .map(p -> "Receipts print on: " + p.description() + (p.status().state() == DeviceStatus.State.ERROR
                        ? " (last time: " + p.status().message() + ")" : ""))
                .orElse("No receipt printer: receipts are shown here only."));
    }

    /** Prints the sale's receipt when the desktop has a receipt printer; {@code completed} is what the status said. */
    void printIfPrinter(SaleRecord sale, String completed) {
        session.devices().receiptPrinter().ifPresent(printer -> print(printer, sale, completed));
    }

    /**
     * Sends the receipt to the printer off the UI thread (a network printer can take seconds to answer). The sale
     * is already saved: a printer that fails only means the receipt is on screen, and the status says so.
     */
    private void print(ReceiptPrinter printer, SaleRecord sale, String completed) {
        ReceiptDocument document = PrintedReceipts.of(sale, session.shop().profile(), printer.columns(), ZoneId.systemDefault());
        Display display = printerState.getDisplay();
        Thread printing = new Thread(() -> {
            String problem = null;
            try {
                printer.print(document);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            String failure = problem;
            display.asyncExec(() -> {
                if (printerState.isDisposed()) {
                    return;
                }
                showPrinter();
                if (failure == null) {
                    status.info(completed + " Receipt printed.");
                } else {
                    status.error(completed + " The receipt printer did not print (" + failure + "); the receipt is on screen.");
                }
            });
        }, "print receipt " + sale.number());
        printing.setDaemon(true);
        printing.start();
    }
}
