package org.clutch.shop.money;

/**
 * A discount on a line or a whole sale: a percentage (in basis points, 1000 = 10 %) or a fixed amount in minor
 * units. It never takes more than the amount it applies to.
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

    public boolean isNone() {
        return value == 0;
    }

    public long of(long amount) {
        long off = kind == Kind.PERCENT ? ShopCurrency.divideHalfEven(amount * value, 10_000L) : value;
        return Math.min(off, amount);
    }

    public String describe(ShopCurrency currency) {
        if (kind == Kind.PERCENT) {
            return (value % 100 == 0 ? String.valueOf(value / 100) : String.valueOf(value / 100.0)) + " %";
        }
        return currency.format(value);
    }
}
