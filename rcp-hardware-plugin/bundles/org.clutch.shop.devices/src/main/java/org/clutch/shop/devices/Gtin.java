package org.clutch.shop.devices;

/**
 * Retail barcodes (GTIN: EAN-13, UPC-A, EAN-8, GTIN-14) and their check digit: digits weighted 3 and 1 from the
 * right, the check digit making the sum a multiple of ten.
 */
public final class Gtin {

    private Gtin() {
    }

    /** True when the text is 8, 12, 13 or 14 digits whose last digit is the right check digit. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        int length = code.length();
        if (length != 8 && length != 12 && length != 13 && length != 14 || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(code.substring(0, length - 1)) == code.charAt(length - 1) - '0';
    }

    /** The check digit for the digits before it. */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** A code that has a retail barcode's shape but not its check digit: the scanner misread the label. */
    public static boolean isMisread(String code) {
        return looksLikeGtin(code) && !isValid(code);
    }

    /** What to tell the person at the scanner about a misread. */
    public static String misreadMessage(String code) {
        return "Misread " + code + ": its check digit is wrong. Scan it again.";
    }

    /** Only digits of GTIN lengths are GTINs; other symbologies (Code 128 part numbers) are not checked here. */
    public static boolean looksLikeGtin(String code) {
        return code != null && code.matches("\\d{8}|\\d{12,14}");
    }
}
