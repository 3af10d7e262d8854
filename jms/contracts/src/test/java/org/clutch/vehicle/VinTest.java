package org.clutch.vehicle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VinTest {

    // VINs with correct check digits (position 9); the Honda one is the textbook example.
    private static final String HONDA_2003 = "1HGCM82633A004352";
    private static final String TOYOTA_2006 = "JTDBR32E760069012";

    @Test
    void acceptsVinsWithCorrectCheckDigit() {
        assertEquals(HONDA_2003, Vin.parse(HONDA_2003).value());
        assertEquals(TOYOTA_2006, Vin.parse(" jtdbr32e760069012 ").value(), "case and spaces do not matter");
    }

    @Test
    void computesTheCheckDigitIncludingX() {
        assertEquals('3', Vin.checkDigit(HONDA_2003));
        assertEquals('X', Vin.checkDigit("1M8GDM9AXKP042788"));
    }

    @Test
    void rejectsAWrongCheckDigitWithAnExplanation() {
        var e = assertThrows(IllegalArgumentException.class, () -> Vin.parse("1HGCM82643A004352"));
        assertTrue(e.getMessage().contains("should be 3"), e.getMessage());
    }

    @Test
    void rejectsWrongLengthAndForbiddenLetters() {
        assertThrows(IllegalArgumentException.class, () -> Vin.parse("1HGCM82633A00435"));
        var e = assertThrows(IllegalArgumentException.class, () -> Vin.parse("1HGCM82633A0O4352"));
        assertTrue(e.getMessage().contains("I, O or Q"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vin.parse("1HGCM8263-A004352"));
    }

    @Test
    void decodesManufacturerFromTheWorldManufacturerIdentifier() {
        assertEquals("Honda", Vin.parse(HONDA_2003).manufacturer().orElseThrow());
        assertEquals("Toyota", Vin.parse(TOYOTA_2006).manufacturer().orElseThrow(), "JT is Toyota whatever the third character");
    }

    @Test
    void modelYearCycleRepeatsEveryThirtyYears() {
        Vin honda = Vin.parse(HONDA_2003);
        assertTrue(honda.allowsModelYear(2003));
        assertTrue(honda.allowsModelYear(2033));
        assertFalse(honda.allowsModelYear(2004));
        assertArrayEquals(new int[] {1976 + 27, 2003 + 30, 2003 + 60}, new int[] {honda.possibleModelYears()[0],
                honda.possibleModelYears()[1], honda.possibleModelYears()[2]});
        assertTrue(Vin.parse(TOYOTA_2006).allowsModelYear(2006));
    }

    @Test
    void readsTheModelYearOfACarFromItsVinAlone() {
        // North American: position 7 a digit means 1980-2009, a letter 2010-2039
        assertEquals(2003, Vin.parse(HONDA_2003).likelyModelYear(2026).getAsInt());
        assertEquals(2019, Vin.parse("5YJ3E1EA2KF317000").likelyModelYear(2026).getAsInt());
        // elsewhere: the year of the cycle that is not in the future
        assertEquals(2006, Vin.parse(TOYOTA_2006).likelyModelYear(2026).getAsInt());
        assertEquals(2024, Vin.parse("WVWZZZ1K6R0012345").likelyModelYear(2026).getAsInt());
        assertEquals(1994, Vin.parse("WVWZZZ1K6R0012345").likelyModelYear(2020).getAsInt());
        assertEquals(2011, Vin.parse("WVWZZZ1K9B0012345").likelyModelYear(2026).getAsInt());
    }

    @Test
    void describesTheCarForAPerson() {
        assertEquals("Honda, model year 2003", Vin.parse(HONDA_2003).describe(2026));
        assertEquals("maker not known (1M8), model year 1989", Vin.parse("1M8GDM9AXKP042788").describe(2026));
    }
}
