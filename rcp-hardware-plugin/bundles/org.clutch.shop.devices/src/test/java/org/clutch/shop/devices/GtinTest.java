package org.clutch.shop.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void realCodesOfEachLengthPassAndAnyWrongDigitFails() {
        for (String code : new String[] {"4006381333931", "036000291452", "96385074", "4011558012342", "10012345678902"}) {
            assertTrue(Gtin.isValid(code), code);
            char last = code.charAt(code.length() - 1);
            String wrong = code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
            assertFalse(Gtin.isValid(wrong), wrong);
        }
    }

    @Test
    void theCheckDigitIsComputedFromTheRight() {
        assertEquals(1, Gtin.checkDigit("400638133393"));
        assertEquals(2, Gtin.checkDigit("03600029145"));
    }

    @Test
    void otherLengthsAndLettersAreNotGtins() {
        assertFalse(Gtin.isValid("12345"));
        assertFalse(Gtin.isValid("40063813339A"));
        assertFalse(Gtin.isValid(null));
        assertFalse(Gtin.looksLikeGtin("BP-100"));
        assertTrue(Gtin.looksLikeGtin("036000291452"));
    }
}
