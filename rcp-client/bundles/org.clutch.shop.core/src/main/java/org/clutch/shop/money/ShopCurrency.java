package org.clutch.shop.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The shop's single currency. Every amount in the desktop is a {@code long} of minor units (cents) of it, so
 * sums are exact; this class is the one place that turns them into text and back.
 */
public record ShopCurrency(String code, int decimals) {

    public ShopCurrency {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter ISO code: " + code);
        }
        if (decimals < 0 || decimals > 3) {
            throw new IllegalArgumentException("currency decimals must be 0..3: " + decimals);
        }
    }

    /** 123450 in a 2-decimal currency → "1,234.50". */
    public String format(long minor) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(minor, decimals));
    }

    /** 123450 → "1234.50": no grouping, for files other programs read. */
    public String plain(long minor) {
        return BigDecimal.valueOf(minor, decimals).toPlainString();
    }

    public String formatWithCode(long minor) {
        return code + " " + format(minor);
    }

    /** The largest amount a person may type: far above any price or payment, and safe to multiply by quantities. */
    public static final long MAX_MINOR = 99_999_999_999L;

    /**
     * Reads an amount typed by a person ("1,234.5", "1234.50", "40"). More decimals than the currency has is an
     * error, not a rounding: a cashier who typed 10.005 meant something else.
     */
    public long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter an amount.");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" is not an amount.");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("An amount cannot be negative.");
        }
        BigDecimal minor;
        try {
            minor = value.setScale(decimals, RoundingMode.UNNECESSARY).movePointRight(decimals);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(code + " amounts have at most " + decimals + " decimals.");
        }
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" is more than any amount the shop handles (at most "
                    + format(MAX_MINOR) + ").");
        }
        return minor.longValueExact();
    }

    /** Divides and rounds half to even, the banker's rounding used for tax and discount shares. */
    public static long divideHalfEven(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
