package org.clutch.shop.devices;

import java.util.List;

/**
 * What a receipt printer prints, independent of the printer's language: a heading, lines of text already laid
 * out to the printer's columns, an optional barcode (the sale number) and whether to open the cash drawer.
 */
public record ReceiptDocument(String heading, List<String> lines, String barcode, boolean openDrawer) {

    public ReceiptDocument {
        lines = List.copyOf(lines);
    }
}
