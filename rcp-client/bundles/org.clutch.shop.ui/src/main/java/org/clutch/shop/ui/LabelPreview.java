package org.clutch.shop.ui;

import java.util.ArrayList;
import java.util.List;

import org.clutch.shop.devices.Label;
import org.clutch.shop.devices.LabelLayout;
import org.clutch.shop.devices.LabelLayout.Box;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

/**
 * The label drawn as the printer will print it, one screen pixel per printer dot: fields where the printer's
 * {@link LabelLayout} puts them and the bars ZXing encodes, at the module width the printer is sent.
 */
final class LabelPreview {

    private LabelPreview() {
    }

    /** A new image of the label; the caller disposes it. */
    static Image draw(Display display, Label label, LabelLayout layout) {
        Image image = new Image(display, layout.widthDots(), layout.heightDots());
        GC gc = new GC(image);
        try {
            gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            gc.fillRectangle(0, 0, layout.widthDots(), layout.heightDots());
            text(gc, layout.partNumber(), List.of(label.partNumber()), SWT.LEFT, SWT.BOLD);
            if (!label.price().isEmpty()) {
                text(gc, layout.price(), List.of(label.price()), SWT.RIGHT, SWT.BOLD);
            }
            if (!label.name().isEmpty()) {
                text(gc, layout.name(), wrap(gc, layout, layout.fitName(label.name())), SWT.LEFT, SWT.NORMAL);
            }
            bars(gc, label, layout);
        } finally {
            gc.dispose();
        }
        return image;
    }

    private static void bars(GC gc, Label label, LabelLayout layout) {
        LabelLayout.Bars bars = layout.bars(label);
        Box box = layout.barcode();
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        for (int i = 0; i < bars.modules().length; i++) {
            if (bars.modules()[i]) {
                gc.fillRectangle(bars.left() + i * bars.moduleWidth(), box.y(), bars.moduleWidth(), box.height());
            }
        }
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        Box digits = new Box(box.x(), box.y() + box.height() + 2, box.width(), layout.barcodeTextHeight());
        text(gc, digits, List.of(label.barcodeData()), SWT.CENTER, SWT.NORMAL);
    }

    /** Lines of text in the box, each as tall as the box says, aligned as the printer's field block aligns them. */
    private static void text(GC gc, Box box, List<String> lines, int alignment, int style) {
        Font font = font(gc, box.height(), style);
        try {
            gc.setFont(font);
            int y = box.y();
            for (String line : lines) {
                int width = gc.textExtent(line).x;
                int x = switch (alignment) {
                    case SWT.RIGHT -> box.x() + box.width() - width;
                    case SWT.CENTER -> box.x() + (box.width() - width) / 2;
                    default -> box.x();
                };
                gc.drawText(line, x, y, true);
                y += box.height() + 2;
            }
        } finally {
            gc.setFont(null);
            font.dispose();
        }
    }

    private static Font font(GC gc, int pixels, int style) {
        int points = Math.max(4, pixels * 72 / gc.getDevice().getDPI().y);
        return new Font(gc.getDevice(), "Sans", points, style);
    }

    /** The name over the layout's lines, broken between words where the line is full. */
    private static List<String> wrap(GC gc, LabelLayout layout, String name) {
        Font font = font(gc, layout.name().height(), SWT.NORMAL);
        List<String> lines = new ArrayList<>();
        try {
            gc.setFont(font);
            StringBuilder line = new StringBuilder();
            for (String word : name.split(" ")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (gc.textExtent(longer).x > layout.name().width() && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(longer);
                }
            }
            lines.add(line.toString());
        } finally {
            gc.setFont(null);
            font.dispose();
        }
        return lines.subList(0, Math.min(LabelLayout.NAME_LINES, lines.size()));
    }
}
