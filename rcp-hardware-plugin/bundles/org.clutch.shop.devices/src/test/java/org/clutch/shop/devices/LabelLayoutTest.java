package org.clutch.shop.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;

class LabelLayoutTest {

    private final LabelLayout layout = new LabelLayout(406, 203);

    /** Draws the bars as the preview does and reads them with ZXing's reader, as a scanner would. */
    private String scan(Label label) throws Exception {
        boolean[] modules = layout.bars(label).modules();
        int moduleWidth = layout.bars(label).moduleWidth();
        int quiet = 12 * moduleWidth;
        int width = modules.length * moduleWidth + 2 * quiet;
        int height = 60;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int module = (x - quiet) / moduleWidth;
                boolean black = x >= quiet && module < modules.length && modules[module];
                pixels[y * width + x] = black ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels))));
        return result.getText();
    }

    @Test
    void theBarsReadBackAsTheLabelsBarcode() throws Exception {
        assertEquals("4006633041126", scan(new Label("BP-1044", "", "", "4006633041126")));
        assertEquals("036000291452", scan(new Label("UPC", "", "", "036000291452")),
                "printed as the EAN-13 with a leading 0, which readers report as the UPC-A");
        assertEquals("OF-2231-B", scan(new Label("OF-2231-B", "", "", "")));
        assertEquals("123456789", scan(new Label("P", "", "", "123456789")), "digits that are no GTIN go as Code 128");
    }

    @Test
    void symbologyFollowsTheCheckDigit() {
        assertEquals(Label.Symbology.EAN_13, new Label("P", "", "", "4006633041126").symbology());
        assertEquals(Label.Symbology.CODE_128, new Label("P", "", "", "4006633041125").symbology(), "wrong check digit");
        assertEquals(Label.Symbology.UPC_A, new Label("P", "", "", "036000291452").symbology());
    }

    @Test
    void fieldsStayOnTheLabelAndDoNotOverlap() {
        Label label = new Label("BP-1044", "Brake pad set", "45.00", "4006633041126");
        LabelLayout.Box bars = layout.barcode();
        assertTrue(layout.name().y() >= layout.partNumber().y() + layout.partNumber().height());
        assertTrue(bars.y() >= layout.name().y() + LabelLayout.NAME_LINES * layout.name().height());
        assertTrue(bars.y() + bars.height() + layout.barcodeTextHeight() <= 203 - layout.margin() + 4);
        LabelLayout.Bars placed = layout.bars(label);
        assertTrue(placed.left() >= layout.margin());
        assertTrue(placed.left() + placed.modules().length * placed.moduleWidth() <= 406 - layout.margin());
    }

    @Test
    void aLongNameIsCutToTwoLines() {
        String name = "Timing belt kit with water pump, tensioner and idler pulleys for 1.6 and 1.8 litre petrol engines";
        String fitted = layout.fitName(name);
        assertTrue(fitted.endsWith("...") && fitted.length() < name.length(), fitted);
        assertEquals("Brake pad set", layout.fitName("Brake pad set"));
    }
}
