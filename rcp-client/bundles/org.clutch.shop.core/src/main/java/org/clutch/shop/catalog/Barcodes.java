package org.clutch.shop.catalog;

import org.clutch.shop.devices.Gtin;

/**
 * The barcodes parts come with: retail codes (EAN-13, UPC-A, EAN-8) must carry the right check digit, computed
 * where scanners check it too ({@link Gtin}); other symbologies pass as text.
 */
public final class Barcodes {

    private Barcodes() {
    }

    public static boolean isRetailCode(String code) {
        return code != null && code.matches("\\d{8}|\\d{12}|\\d{13}");
    }

    /** True for a well-formed EAN/UPC number, or for any other non-blank code we cannot check. */
    public static boolean isValid(String code) {
        if (code == null || code.isBlank() || code.length() > 32) {
            return false;
        }
        return isRetailCode(code) ? Gtin.isValid(code) : code.matches("[\\x21-\\x7E]+");
    }
}
