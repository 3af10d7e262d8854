package org.clutch.shop.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeystrokeBurstTest {

    private static long type(KeystrokeBurst burst, String text, long start, long gap) {
        long at = start;
        for (char c : text.toCharArray()) {
            burst.key(c, at);
            at += gap;
        }
        return at - gap;
    }

    @Test
    void aScannerBurstEndingInEnterIsACode() {
        KeystrokeBurst burst = new KeystrokeBurst();
        long last = type(burst, "4006381333931", 1000, 4);
        assertEquals("4006381333931", burst.enter(last + 5));
    }

    @Test
    void aPersonTypingTheSameDigitsIsNotAScan() {
        KeystrokeBurst burst = new KeystrokeBurst();
        long last = type(burst, "4006381333931", 1000, 120);
        assertNull(burst.enter(last + 150));
    }

    @Test
    void typingBeforeAScanDoesNotBleedIntoTheCode() {
        KeystrokeBurst burst = new KeystrokeBurst();
        long last = type(burst, "brake", 1000, 150);
        last = type(burst, "036000291452", last + 900, 3);
        assertEquals("036000291452", burst.enter(last + 4));
    }

    @Test
    void aShortFastBurstIsNotACode() {
        KeystrokeBurst burst = new KeystrokeBurst();
        long last = type(burst, "ok", 1000, 3);
        assertNull(burst.enter(last + 3));
    }
}
