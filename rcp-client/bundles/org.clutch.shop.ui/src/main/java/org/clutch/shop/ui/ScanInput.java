package org.clutch.shop.ui;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.clutch.shop.devices.BarcodeScanner;
import org.clutch.shop.devices.DeviceEvent;
import org.clutch.shop.devices.DeviceListener;
import org.clutch.shop.devices.KeystrokeBurst;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;

/**
 * How codes reach the till: from every scanner the desktop has, and through the scan box, where a keyboard-wedge
 * scanner's burst is told apart from a person typing. A code goes to {@code onCode}; Enter after typing goes to
 * {@code onTyped}, which searches.
 */
final class ScanInput {

    private final ShopSession session;
    private final Text scan;
    private final KeystrokeBurst keystrokes = new KeystrokeBurst();
    private final Set<BarcodeScanner> attached = new HashSet<>();
    private final Consumer<String> scannerReads;
    private final DeviceListener scannerTrouble;
    private boolean wedgeScan;

    ScanInput(Text scan, ShopSession session, StatusLine status, Consumer<String> onCode, Runnable onTyped) {
        this.session = session;
        this.scan = scan;
        scannerReads = code -> onUiThread(() -> status.run(() -> onCode.accept(code)));
        scannerTrouble = event -> {
            if (event.kind() != DeviceEvent.Kind.CONNECTED) {
                onUiThread(() -> status.error("Scanner: " + event.message()));
            }
        };
        attachScanners();
        scan.addListener(SWT.Dispose, e -> attached.forEach(this::detach));

        // a keyboard-wedge scanner types the code in a burst and ends it with Enter; people type slower. The key
        // timing says which it was; the code is what reached the box (GTK can report a shifted key twice)
        scan.addListener(SWT.KeyDown, e -> {
            long at = e.time & 0xFFFFFFFFL;
            if (e.character == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                wedgeScan = keystrokes.enter(at) != null;
            } else if (e.character >= ' ') {
                keystrokes.key(e.character, at);
            }
        });
        scan.addListener(SWT.DefaultSelection, e -> {
            String code = scan.getText().trim();
            boolean scanned = wedgeScan;
            wedgeScan = false;
            Optional<String> marked = session.shop().tillSettings().wedgeMarks().codeIn(scan.getText());
            if (marked.isPresent()) {
                // the scanner's own marks say it was a scan, however fast or slow the keys came
                scan.setText("");
                status.run(() -> onCode.accept(marked.get()));
            } else if (scanned && !code.isEmpty() && !typedFastAsWords(code)) {
                scan.setText("");
                status.run(() -> onCode.accept(code));
            } else {
                status.run(onTyped);
            }
        });
    }

    /** Listens to every scanner the desktop has; scanners that went away are simply no longer heard. */
    void attachScanners() {
        for (BarcodeScanner scanner : session.devices().scanners()) {
            if (attached.add(scanner)) {
                scanner.addScanListener(scannerReads);
                scanner.addListener(scannerTrouble);
            }
        }
    }

    /**
     * A burst that matches no code and is not all digits was a person typing fast ("spark plug"), not a scanner:
     * it is searched for as words and stays in the box.
     */
    private boolean typedFastAsWords(String burst) {
        return !burst.chars().allMatch(Character::isDigit) && session.shop().catalog().findExact(burst).isEmpty();
    }

    private void detach(BarcodeScanner scanner) {
        scanner.removeScanListener(scannerReads);
        scanner.removeListener(scannerTrouble);
    }

    private void onUiThread(Runnable action) {
        if (!scan.isDisposed()) {
            scan.getDisplay().asyncExec(() -> {
                if (!scan.isDisposed()) {
                    action.run();
                }
            });
        }
    }
}
