package org.clutch.accounts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    /** The SHA-1 seed of RFC 6238 appendix B. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheTestVectorsOfRfc6238() {
        // Appendix B, SHA-1, 8 digits: T = 59 s, 1111111109 s, 1234567890 s, 2000000000 s.
        assertEquals("94287082", Totp.hotp(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(59)), 8));
        assertEquals("07081804", Totp.hotp(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(1111111109)), 8));
        assertEquals("89005924", Totp.hotp(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(1234567890)), 8));
        assertEquals("69279037", Totp.hotp(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(2000000000)), 8));
    }

    @Test
    void matchesTheHotpTestVectorsOfRfc4226() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], Totp.hotp(RFC_SEED, counter, 6), "counter " + counter);
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(RFC_SEED, Totp.base32Decode(Totp.base32(RFC_SEED)));
        assertEquals(32, Totp.newSecret().length(), "160 bits are 32 Base32 characters");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoCodeTwice() {
        String secret = Totp.base32(RFC_SEED);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.stepAt(now);
        assertEquals(step, Totp.verify(secret, Totp.code(secret, step), now, 0).getAsLong());
        assertEquals(step - 1, Totp.verify(secret, Totp.code(secret, step - 1), now, 0).getAsLong(), "a phone 30 s slow");
        assertEquals(step + 1, Totp.verify(secret, Totp.code(secret, step + 1), now, 0).getAsLong(), "a phone 30 s fast");
        assertFalse(Totp.verify(secret, Totp.code(secret, step - 2), now, 0).isPresent(), "a minute old");
        assertFalse(Totp.verify(secret, Totp.code(secret, step), now, step).isPresent(), "already used in this step");
        assertFalse(Totp.verify(secret, "12345", now, 0).isPresent());
        assertFalse(Totp.verify(secret, null, now, 0).isPresent());
    }

    @Test
    void theOtpauthUriCarriesIssuerAccountAndSecret() {
        String uri = Totp.otpauthUri("Clutch", "ann@shop.example", "JBSWY3DPEHPK3PXP");
        assertTrue(uri.startsWith("otpauth://totp/Clutch:ann%40shop.example?secret=JBSWY3DPEHPK3PXP&issuer=Clutch"), uri);
    }
}
