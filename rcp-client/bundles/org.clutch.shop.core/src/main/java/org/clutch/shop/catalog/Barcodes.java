package org.clutch.shop.catalog;

/** Check digits of the retail barcodes parts come with (EAN-13, UPC-A, EAN-8); other symbologies pass as text. */
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
        if (!isRetailCode(code)) {
            return code.matches("[\\x21-\\x7E]+");
        }
        int sum = 0;
        int length = code.length();
        for (int i = 0; i < length - 1; i++) {
            int digit = code.charAt(i) - '0';
            // weights alternate 3,1 counting from the digit next to the check digit
            sum += ((length - 1 - i) % 2 == 1) ? digit * 3 : digit;
        }
        int check = (10 - sum % 10) % 10;
        return check == code.charAt(length - 1) - '0';
    }
}
