package org.clutch.shop.reports;

/**
 * Sales after returns for some period or group: net of tax, the cost of the goods that left the shop, and what
 * is left of it. Voided sales count for nothing.
 */
public record SalesFigures(String label, int sales, int returns, int units, long netMinor, long taxMinor,
        long costMinor) {

    public long marginMinor() {
        return netMinor - costMinor;
    }

    /** Margin as a share of net sales in basis points (2500 = 25 %); 0 when nothing was sold. */
    public long marginBasisPoints() {
        return netMinor == 0 ? 0 : Math.round(marginMinor() * 10_000.0 / netMinor);
    }

    SalesFigures plus(int moreSales, int moreReturns, int moreUnits, long moreNet, long moreTax, long moreCost) {
        return new SalesFigures(label, sales + moreSales, returns + moreReturns, units + moreUnits, netMinor + moreNet,
                taxMinor + moreTax, costMinor + moreCost);
    }

    static SalesFigures empty(String label) {
        return new SalesFigures(label, 0, 0, 0, 0, 0, 0);
    }
}
