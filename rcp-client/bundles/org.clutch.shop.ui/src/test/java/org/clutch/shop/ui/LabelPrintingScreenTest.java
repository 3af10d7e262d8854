package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.devices.Device;
import org.clutch.shop.devices.Label;
import org.clutch.shop.devices.LabelLayout;
import org.clutch.shop.devices.LabelPrinter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelPrintingScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;

    record Job(Label label, int copies) {
    }

    /** A label printer as the desktop sees one: it keeps what it was asked to print. */
    static final class ShelfPrinter extends FakeDevice implements LabelPrinter {
        final List<Job> jobs = new CopyOnWriteArrayList<>();

        ShelfPrinter() {
            super("label-printer", "shelf label printer");
        }

        @Override
        public LabelLayout layout() {
            return new LabelLayout(406, 203);
        }

        @Override
        public void print(Label label, int copies) {
            jobs.add(new Job(label, copies));
        }
    }

    private LabelView open(Device... devices) {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        PartSummary part = ui.shop.catalog().findByBarcode("4006633123457").orElseThrow();
        LabelView view = new LabelView(ui.shell, ui.session(ui.clerk, devices), part);
        ui.show();
        return view;
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void thePreviewShowsTheBarsThePrinterIsSent() {
        LabelView view = open(new ShelfPrinter());
        Label label = view.label();
        assertEquals(new Label("BP-100", "Brake pad set front", "4,500.00", "4006633123457"), label);

        Image image = view.previewImage();
        ImageData pixels = image.getImageData();
        image.dispose();
        LabelLayout layout = view.layout();
        int row = layout.barcode().y() + layout.barcode().height() / 2;
        LabelLayout.Bars bars = layout.bars(label);
        boolean[] modules = bars.modules();
        int width = bars.moduleWidth();
        int left = bars.left();
        for (int i = 0; i < modules.length; i++) {
            for (int dx = 0; dx < width; dx++) {
                RGB rgb = pixels.palette.getRGB(pixels.getPixel(left + i * width + dx, row));
                assertEquals(modules[i], rgb.red < 128, "module " + i + " of the EAN-13 at x " + (left + i * width + dx));
            }
        }
        RGB quietZone = pixels.palette.getRGB(pixels.getPixel(left - 2, row));
        assertTrue(quietZone.red > 128, "white before the first bar");
    }

    @Test
    void aBagLabelWithoutPriceIsPrintedAsManyTimesAsAsked() {
        ShelfPrinter printer = new ShelfPrinter();
        open(printer);
        assertEquals("Prints on: shelf label printer", ui.<org.eclipse.swt.widgets.Label>find("label-printer").getText());

        ui.type("label-copies", "0");
        ui.click("print-label");
        assertEquals("Copies must be a whole number from 1 to 999.", ui.status());

        Button withPrice = ui.find("label-with-price");
        withPrice.setSelection(false);
        withPrice.notifyListeners(SWT.Selection, new Event());
        ui.type("label-copies", "2");
        ui.click("print-label");
        ui.waitFor(() -> ui.status().startsWith("Printed"));

        assertEquals("Printed 2 label(s) for BP-100.", ui.status());
        assertEquals(List.of(new Job(new Label("BP-100", "Brake pad set front", "", "4006633123457"), 2)), printer.jobs);
    }

    @Test
    void withoutALabelPrinterThePreviewStaysAndPrintingSaysWhy() {
        open();
        assertEquals("No label printer: set one up in the device settings to print.",
                ui.<org.eclipse.swt.widgets.Label>find("label-printer").getText());
        ui.click("print-label");
        assertEquals("No label printer is set up: choose one in the device settings.", ui.status());
    }
}
