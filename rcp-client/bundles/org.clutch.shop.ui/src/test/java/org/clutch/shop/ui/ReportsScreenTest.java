package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.clutch.shop.catalog.Part;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports screen over real sales: figures in the tables, bars in the chart, low stock listed. */
class ReportsScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        Part pads = ui.part("BP-100", "Brake pad set front", "4006633123457", 464000, 3);
        Cart cart = new Cart(ui.shop.profile().tax());
        cart.add(ui.shop.catalog().findByNumber("BP-100").get(0), 2);
        ui.shop.sales().complete(cart, List.of(Tender.cash(928000)), ui.clerk);
        ui.shop.catalog().save(new Part(pads.id(), pads.partNumber(), pads.brand(), pads.name(), pads.category(),
                pads.barcode(), pads.costMinor(), pads.priceMinor(), true, "A-01", 0, 6, 2, pads.crossReferences(),
                pads.fitments()), ui.manager);
        new ReportsView(ui.shell, ui.session(ui.manager));
        ui.show();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void todaysSaleShowsWithItsMarginAndTheChartDrawsIt() {
        Table daily = ui.find("daily-sales");
        assertEquals(15, daily.getItemCount(), "14 days and a total");
        assertEquals(LocalDate.now().toString(), daily.getItem(13).getText(0));
        assertEquals("8,000.00", daily.getItem(13).getText(4), "net of 16 % tax");
        assertEquals("3,360.00", daily.getItem(13).getText(7), "net less the cost of 2 × 2,320");
        assertEquals("42.0 %", daily.getItem(13).getText(8));
        assertEquals("Total", daily.getItem(14).getText(0));
        assertEquals("Brakes", ui.<Table>find("category-sales").getItem(0).getText(0));
        Table low = ui.find("low-stock");
        assertEquals("BP-100", low.getItem(0).getText(0));
        assertEquals("5", low.getItem(0).getText(8), "up to the maximum of 6 from 1 on hand");
        assertTrue(ui.status().contains("net sales 8,000.00"));

        Canvas chart = ui.find("sales-chart");
        ui.settle();
        Image shot = new Image(ui.display, chart.getBounds().width, chart.getBounds().height);
        GC gc = new GC(chart);
        gc.copyArea(shot, 0, 0);
        gc.dispose();
        ImageData pixels = shot.getImageData();
        shot.dispose();
        int bars = 0;
        for (int x = 0; x < pixels.width; x++) {
            for (int y = 0; y < pixels.height; y++) {
                if (pixels.palette.getRGB(pixels.getPixel(x, y)).equals(new RGB(30, 90, 160))) {
                    bars++;
                }
            }
        }
        assertTrue(bars > 100, "today's margin bar is on the chart (" + bars + " pixels)");

        org.eclipse.swt.widgets.TabFolder tabs = ui.find("report-tabs");
        tabs.setSelection(2);
        tabs.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.settle();
        org.eclipse.swt.custom.SashForm split = (org.eclipse.swt.custom.SashForm) tabs.getParent();
        assertEquals(tabs, split.getMaximizedControl(), "the stock lists get the whole height");
        assertTrue(chart.getBounds().height <= 0, "the chart is out of the way: " + chart.getBounds());
        tabs.setSelection(0);
        tabs.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.settle();
        assertEquals(null, split.getMaximizedControl());
        assertTrue(chart.getBounds().height > 100, "the chart comes back with the sales tabs: " + chart.getBounds());
    }
}
