package org.clutch.shop.devices;

import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;

/**
 * Where the fields of a {@link Label} go on a label of this size, in printer dots from the top left. The printer
 * driver and the desktop's preview both place the fields from here, so the preview shows what will print.
 * Proportions follow the common 2 x 1 inch shelf label (406 x 203 dots at 203 dpi).
 */
public record LabelLayout(int widthDots, int heightDots) {

    /** A field's place; {@code height} is the text height for text, the bar height for the barcode. */
    public record Box(int x, int y, int width, int height) {
    }

    public LabelLayout {
        if (widthDots < 200 || heightDots < 100) {
            throw new IllegalArgumentException("A label must be at least 200 x 100 dots (1 x 0.5 inch at 203 dpi).");
        }
    }

    public int margin() {
        return Math.max(8, widthDots / 25);
    }

    private int inner() {
        return widthDots - 2 * margin();
    }

    public Box partNumber() {
        return new Box(margin(), margin(), inner() * 11 / 20, heightDots * 15 / 100);
    }

    /** Right of the part number, right aligned, as tall. */
    public Box price() {
        int x = margin() + inner() * 11 / 20;
        return new Box(x, margin(), widthDots - margin() - x, heightDots * 15 / 100);
    }

    /** Up to {@link #NAME_LINES} lines under the part number. */
    public Box name() {
        return new Box(margin(), margin() + heightDots * 21 / 100, inner(), heightDots * 10 / 100);
    }

    public static final int NAME_LINES = 2;

    /** The bars; the human-readable text goes under them, {@link #barcodeTextHeight()} high. */
    public Box barcode() {
        int y = name().y() + NAME_LINES * (name().height() + 2) + heightDots * 3 / 100;
        return new Box(margin(), y, inner(), heightDots - y - margin() - barcodeTextHeight() - 4);
    }

    public int barcodeTextHeight() {
        return heightDots * 9 / 100;
    }

    /**
     * The name cut to what two lines of the name's font hold (about half the text height per character in the
     * printers' proportional font), so that a long name ends in "..." instead of running over the barcode.
     */
    public String fitName(String name) {
        int fits = NAME_LINES * name().width() * 2 / name().height() - 3;
        return name.length() <= fits ? name : name.substring(0, Math.max(0, fits - 3)).stripTrailing() + "...";
    }

    /**
     * The label's barcode as placed here: its modules (true = black) as the symbology encodes them, the narrowest
     * bar in dots, and where the bars start so that they sit in the middle of the label.
     */
    public record Bars(boolean[] modules, int moduleWidth, int left) {
    }

    /**
     * The bars of this label here. The module is as wide as the barcode box allows, at most 4 dots (wider reads no
     * better), at least 1; a code too long for the label at one dot is refused rather than printed cut off.
     */
    public Bars bars(Label label) {
        boolean[] modules = switch (label.symbology()) {
            case EAN_13 -> new EAN13Writer().encode(label.barcodeData());
            // a UPC-A is the EAN-13 with a leading 0: the same bars
            case UPC_A -> new EAN13Writer().encode("0" + label.barcodeData());
            case CODE_128 -> new Code128Writer().encode(label.barcodeData());
        };
        int moduleWidth = Math.min(4, barcode().width() / modules.length);
        if (moduleWidth < 1) {
            throw new IllegalArgumentException("The barcode " + label.barcodeData() + " is too long for a "
                    + widthDots + "-dot label.");
        }
        return new Bars(modules, moduleWidth, barcode().x() + (barcode().width() - modules.length * moduleWidth) / 2);
    }
}
