package org.clutch.shop.devices;

/**
 * A shelf or part label: the part number large, the name, the price when it is a shelf label, and a barcode.
 * A retail barcode (EAN-13, UPC-A) is printed as such; anything else, or the part number when the part has no
 * barcode, as Code 128, which the shop's scanners read as well.
 */
public record Label(String partNumber, String name, String price, String barcode) {

    public enum Symbology { EAN_13, UPC_A, CODE_128 }

    public Label {
        if (partNumber == null || partNumber.isBlank()) {
            throw new IllegalArgumentException("A label needs the part number.");
        }
        partNumber = partNumber.trim();
        name = name == null ? "" : name.trim();
        price = price == null ? "" : price.trim();
        barcode = barcode == null ? "" : barcode.trim();
    }

    public Symbology symbology() {
        if (Gtin.isValid(barcode) && barcode.length() == 13) {
            return Symbology.EAN_13;
        }
        if (Gtin.isValid(barcode) && barcode.length() == 12) {
            return Symbology.UPC_A;
        }
        return Symbology.CODE_128;
    }

    /** What the bars encode: the barcode, or the part number for a part without one. */
    public String barcodeData() {
        return barcode.isEmpty() ? partNumber : barcode;
    }
}
