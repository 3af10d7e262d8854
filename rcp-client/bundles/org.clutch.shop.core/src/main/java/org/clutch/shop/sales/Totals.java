package org.clutch.shop.sales;

import java.util.List;

/**
 * The money of a sale. {@code lines} holds each line's share, so a later return refunds exactly what was paid
 * for the units returned. {@code subtotal} is before discounts; {@code total} is what the customer pays.
 */
public record Totals(long subtotalMinor, long discountMinor, long taxMinor, long totalMinor, List<LineTotals> lines) {

    public record LineTotals(long grossMinor, long discountMinor, long taxMinor, long totalMinor) {
    }
}
