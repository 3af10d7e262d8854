package org.clutch.shop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyRulesTest {

    private final ShopCurrency kes = new ShopCurrency("KES", 2);

    @Test
    void amountsAreReadAndWrittenInTheCurrencysDecimals() {
        assertEquals(123450, kes.parse("1,234.5"));
        assertEquals(4000, kes.parse(" 40 "));
        assertEquals("1,234.50", kes.format(123450));
        assertEquals("UGX 15,000", new ShopCurrency("UGX", 0).formatWithCode(15000));
        assertThrows(IllegalArgumentException.class, () -> kes.parse("10.005"));
        assertThrows(IllegalArgumentException.class, () -> kes.parse("-3"));
        assertThrows(IllegalArgumentException.class, () -> kes.parse("ten"));
    }

    @Test
    void aHugeAmountIsCalledTooLargeNotWronglyDecimal() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> kes.parse("12345678901234567890"));
        assertEquals("\"12345678901234567890\" is more than any amount the shop handles (at most 999,999,999.99).",
                huge.getMessage());
        assertEquals("KES amounts have at most 2 decimals.",
                assertThrows(IllegalArgumentException.class, () -> kes.parse("1.001")).getMessage());
        assertEquals(ShopCurrency.MAX_MINOR, kes.parse("999,999,999.99"));
    }

    @Test
    void includedTaxIsCarvedOutAndAddedTaxIsOnTop() {
        TaxRule vat = new TaxRule(1600, true);
        assertEquals(1600, vat.taxOn(11600));
        assertEquals(11600, vat.grossOf(11600, 1600));
        TaxRule salesTax = new TaxRule(825, false);
        assertEquals(825, salesTax.taxOn(10000));
        assertEquals(10825, salesTax.grossOf(10000, 825));
        // 16 % of 1,000.05 carved out is 137.937..., rounded half-even to 137.94
        assertEquals(13794, vat.taxOn(100005));
    }

    @Test
    void discountsNeverExceedWhatTheyApplyTo() {
        assertEquals(1500, Discount.percent(15).of(10000));
        assertEquals(10000, Discount.amount(25000).of(10000));
        assertThrows(IllegalArgumentException.class, () -> Discount.percent(120));
        assertThrows(IllegalArgumentException.class, () -> Discount.amount(-1));
    }
}
