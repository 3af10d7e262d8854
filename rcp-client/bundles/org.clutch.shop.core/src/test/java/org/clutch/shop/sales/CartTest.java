package org.clutch.shop.sales;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.TaxRule;
import org.clutch.shop.money.Tender;
import org.junit.jupiter.api.Test;

class CartTest {

    private static PartSummary part(String number, long price, boolean taxable) {
        return new PartSummary(UUID.randomUUID(), number, "Bosch", number, "Brakes", null, price, price / 2, taxable,
                "A-01", 10);
    }

    @Test
    void scanningThePartAgainAddsToItsLine() {
        Cart cart = new Cart(new TaxRule(1600, true));
        PartSummary pads = part("BP-1", 450000, true);
        cart.add(pads, 1);
        cart.add(pads, 2);
        assertEquals(1, cart.lines().size());
        assertEquals(3, cart.lines().get(0).quantity());
        assertEquals(1_350_000, cart.totals().totalMinor());
    }

    @Test
    void vatInclusivePricesCarryTheirTaxAndTheTotalIsTheShelfPrice() {
        Cart cart = new Cart(new TaxRule(1600, true));
        cart.add(part("BP-1", 11600, true), 2);
        cart.add(part("MANUAL", 5000, false), 1);
        Totals totals = cart.totals();
        assertEquals(28200, totals.totalMinor());
        assertEquals(3200, totals.taxMinor());
        assertEquals(28200, totals.subtotalMinor());
    }

    @Test
    void addedTaxIsChargedOnTheDiscountedPrice() {
        Cart cart = new Cart(new TaxRule(1000, false));
        CartLine line = cart.add(part("BP-1", 10000, true), 1);
        line.setDiscount(Discount.percent(10));
        Totals totals = cart.totals();
        assertEquals(1000, totals.discountMinor());
        assertEquals(900, totals.taxMinor());
        assertEquals(9900, totals.totalMinor());
    }

    @Test
    void aSaleDiscountIsSharedOverTheLinesAndAddsUpExactly() {
        Cart cart = new Cart(new TaxRule(1600, true));
        cart.add(part("A", 1000, true), 1);
        cart.add(part("B", 1000, true), 1);
        cart.add(part("C", 1000, true), 1);
        cart.setSaleDiscount(Discount.amount(100));
        Totals totals = cart.totals();
        assertEquals(100, totals.discountMinor());
        assertEquals(2900, totals.totalMinor());
        long shares = totals.lines().stream().mapToLong(Totals.LineTotals::discountMinor).sum();
        assertEquals(100, shares);
        assertEquals(List.of(34L, 33L, 33L), totals.lines().stream().map(Totals.LineTotals::discountMinor).toList());
    }

    @Test
    void allocationGivesRoundingUnitsToTheLargestRemainders() {
        assertArrayEquals(new long[] {1, 2}, Cart.allocate(3, new long[] {100, 200}, 300));
        assertArrayEquals(new long[] {0, 0, 0}, Cart.allocate(0, new long[] {1, 1, 1}, 3));
        assertArrayEquals(new long[] {4, 3, 3}, Cart.allocate(10, new long[] {1, 1, 1}, 3));
    }

    @Test
    void quantitiesAreWholeAndPositive() {
        Cart cart = new Cart(new TaxRule(0, true));
        CartLine line = cart.add(part("A", 1000, true), 1);
        assertThrows(RuleException.class, () -> line.setQuantity(0));
        assertThrows(RuleException.class, () -> cart.line(3));
    }

    @Test
    void cashGivesChangeAndCardsNeverDo() {
        Settlement mixed = Settlement.of(10_000, List.of(Tender.card(6_000, "1234"), Tender.cash(5_000)));
        assertTrue(mixed.isSettled());
        assertEquals(1_000, mixed.changeMinor());
        Settlement short_ = Settlement.of(10_000, List.of(Tender.cash(4_000)));
        assertFalse(short_.isSettled());
        assertEquals(6_000, short_.dueMinor());
        assertThrows(RuleException.class, () -> Settlement.of(10_000, List.of(Tender.card(12_000, "1234"))));
    }
}
