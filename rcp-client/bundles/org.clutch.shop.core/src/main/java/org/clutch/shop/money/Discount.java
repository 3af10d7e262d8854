package org.clutch.shop.money;

import org.clutch.shop.common.RuleException;

/**
 * A discount on a line or a whole sale: a percentage (in basis points, 1000 = 10 %) or a fixed amount in minor
 * units. It never takes more than the amount it applies to; the cart refuses one that would.
 */
public record Discount(Kind kind, long value) {

    public enum Kind { PERCENT, AMOUNT }

    public static final Discount NONE = new Discount(Kind.AMOUNT, 0);

    public Discount {
        if (kind == null) {
            throw new IllegalArgumentException("discount kind is required");
        }
        if (value < 0) {
            throw new IllegalArgumentException("A discount cannot be negative.");
        }
        if (kind == Kind.PERCENT && value > 10_000) {
            throw new IllegalArgumentException("A discount cannot be more than 100 %.");
        }
    }

    public static Discount percent(double percent) {
        return new Discount(Kind.PERCENT, Math.round(percent * 100));
    }

    public static Discount amount(long minor) {
        return new Discount(Kind.AMOUNT, minor);
    }

    /** A discount as a person types it: "10%" (or "12.5 %") off, or an amount of the shop's currency. */
    public static Discount parse(String text, ShopCurrency money) {
        String t = text.trim();
        if (t.endsWith("%")) {
            try {
                return percent(Double.parseDouble(t.substring(0, t.length() - 1).trim()));
            } catch (NumberFormatException e) {
                throw new RuleException("\"" + t + "\" is not a percentage.");
            }
        }
        return amount(money.parse(t));
    }

    public boolean isNone() {
        return value == 0;
    }

    public long of(long amount) {
        long off = kind == Kind.PERCENT ? ShopCurrency.divideHalfEven(amount * value, 10_000L) : value;
        return Math.min(off, amount);
    }

    /** True when this discount would take more than {@code amount}: a fixed amount larger than what it is on. */
    public boolean exceeds(long amount) {
        return kind == Kind.AMOUNT && value > amount;
    }

    public String describe(ShopCurrency currency) {
        return kind == Kind.PERCENT ? percentText(value) : currency.format(value);
    }

    /** Basis points as a person reads a percentage: 1000 as "10 %", 1250 as "12.5 %". */
    public static String percentText(long basisPoints) {
        return (basisPoints % 100 == 0 ? String.valueOf(basisPoints / 100) : String.valueOf(basisPoints / 100.0)) + " %";
    }
}
