package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.clutch.shop.devices.BarcodeScanner;
import org.clutch.shop.devices.Gtin;
import org.clutch.shop.sales.WedgeMarks;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans at the till from a scanner service (serial, network, simulated) and from a keyboard-wedge scanner. */
class ScanningScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private PosView till;
    private final CounterScanner scanner = new CounterScanner();

    /** A scanner service as drivers register one: reads go to the scan listeners, from the driver's own thread. */
    static final class CounterScanner extends FakeDevice implements BarcodeScanner {
        private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

        CounterScanner() {
            super("barcode-scanner", "counter scanner");
        }

        @Override
        public void addScanListener(Consumer<String> listener) {
            listeners.add(listener);
        }

        @Override
        public void removeScanListener(Consumer<String> listener) {
            listeners.remove(listener);
        }

        @Override
        public void feed(String code) {
            Thread reader = new Thread(() -> listeners.forEach(l -> l.accept(code)));
            reader.start();
        }

        void unplug() {
            lost("The scanner at /dev/ttyUSB0 closed the connection.");
        }
    }

    @BeforeEach
    void openTill() {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        ui.part("OF-200", "Oil filter", "5901234123457", 90000, 5);
        till = new PosView(ui.shell, ui.session(ui.clerk, scanner));
        ui.show();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private int unitsInSale() {
        return till.cart().lines().stream().mapToInt(line -> line.quantity()).sum();
    }

    @Test
    void aScannerServiceAddsWhatItReadsAndSaysWhenItCannot() {
        scanner.feed("4006633123457");
        ui.waitFor(() -> unitsInSale() == 1);
        scanner.feed("4006633123457");
        ui.waitFor(() -> unitsInSale() == 2);
        assertEquals(1, till.cart().lines().size(), "the same part twice is one line of 2");

        String notOurs = "400638133393" + Gtin.checkDigit("400638133393");
        scanner.feed(notOurs);
        ui.waitFor(() -> ui.status().contains(notOurs));
        assertEquals("Scanned " + notOurs + ": no part in the catalog has this code.", ui.status());

        scanner.feed("5901234123450");
        ui.waitFor(() -> ui.status().contains("Misread"));
        assertEquals("Misread 5901234123450: its check digit is wrong. Scan it again.", ui.status());
        assertEquals(2, unitsInSale(), "neither the unknown code nor the misread changed the sale");

        scanner.unplug();
        ui.waitFor(() -> ui.status().startsWith("Scanner:"));
        assertEquals("Scanner: The scanner at /dev/ttyUSB0 closed the connection.", ui.status());
    }

    @Test
    void aKeyboardWedgeBurstIsAScanAndSlowTypingIsASearch() {
        ui.keys("scan", "5901234123457", 4);
        assertEquals(1, unitsInSale());
        assertEquals("", ui.<Text>find("scan").getText());

        String notOurs = "400638133393" + Gtin.checkDigit("400638133393");
        ui.keys("scan", notOurs, 4);
        assertEquals("Scanned " + notOurs + ": no part in the catalog has this code.", ui.status());

        ui.keys("scan", "pad", 150);
        assertEquals(1, ui.<Table>find("results").getItemCount(), "typed words search the catalog");
        assertTrue(ui.status().startsWith("1 part matches"), ui.status());
        ui.keys("scan", "BP-100", 150);
        assertEquals(2, unitsInSale(), "a typed part number still adds its part");
    }

    @Test
    void aScannerProgrammedWithAPrefixIsKnownByItsMarksNotItsSpeed() {
        ui.shop.tillSettings().changeWedgeMarks(new WedgeMarks("]E0", ""), ui.manager);

        ui.keys("scan", "]E05901234123457", 150);
        assertEquals(1, unitsInSale(), "slow keys, but the prefix says it is a scan");
        assertEquals("", ui.<Text>find("scan").getText());

        ui.keys("scan", "]E0pad", 5);
        assertEquals("Scanned pad: no part in the catalog has this code.", ui.status());
        ui.keys("scan", "pad", 5);
        assertEquals(1, ui.<Table>find("results").getItemCount(), "without the prefix it is typing, however fast");
        assertEquals(1, unitsInSale());
    }

    @Test
    void wordsTypedAsFastAsAScannerAreStillSearchedFor() {
        ui.keys("scan", "oil filter", 20);

        assertEquals(1, ui.<Table>find("results").getItemCount(), "searched, not refused as an unknown code");
        assertEquals("OF-200", ui.<Table>find("results").getItem(0).getText(0));
        assertEquals("oil filter", ui.<Text>find("scan").getText(), "the words stay to be corrected");
        assertEquals(0, unitsInSale());

        ui.keys("scan", "BP-100", 5);
        assertEquals(1, unitsInSale(), "a fast part number that matches is added");
    }
}
