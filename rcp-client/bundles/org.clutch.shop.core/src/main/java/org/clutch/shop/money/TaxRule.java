package org.clutch.shop.money;

/**
 * The shop's sales tax: one rate (basis points, 1600 = 16 %) and whether shelf prices already include it
 * (usual for VAT) or tax is added at the till (usual for US sales tax).
 */
public record TaxRule(int rateBasisPoints, boolean pricesIncludeTax) {

    public TaxRule {
        if (rateBasisPoints < 0 || rateBasisPoints > 10_000) {
            throw new IllegalArgumentException("tax rate must be between 0 and 100 %");
        }
    }

    /** The tax in an amount charged for taxable goods: carved out of it, or added on top. */
    public long taxOn(long amount) {
        if (pricesIncludeTax) {
            return ShopCurrency.divideHalfEven(amount * rateBasisPoints, 10_000L + rateBasisPoints);
        }
        return ShopCurrency.divideHalfEven(amount * rateBasisPoints, 10_000L);
    }

    /** What the customer pays for goods worth {@code amount} after discounts. */
    public long grossOf(long amount, long tax) {
        return pricesIncludeTax ? amount : amount + tax;
    }

    public String describe() {
        String percent = rateBasisPoints % 100 == 0 ? String.valueOf(rateBasisPoints / 100)
                : String.valueOf(rateBasisPoints / 100.0);
        return percent + " % " + (pricesIncludeTax ? "included" : "added");
    }
}
