package org.clutch.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    // Few iterations keep the unit test fast; the production count is measured in the benchmark.
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String stored = hasher.hash("correct horse battery");
        assertTrue(hasher.verify("correct horse battery", stored));
        assertFalse(hasher.verify("correct horse batterY", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same password here"), hasher.hash("same password here"));
    }

    @Test
    void malformedOrMissingHashesMatchNothing() {
        assertFalse(hasher.verify("anything at all", null));
        assertFalse(hasher.verify("anything at all", "plain-text"));
        assertFalse(hasher.verify("anything at all", "pbkdf2-sha256$x$y$z"));
        assertFalse(hasher.verify("anything at all", "md5$1000$c2FsdA$aGFzaA"));
    }

    @Test
    void aHashMadeWithFewerIterationsStillVerifiesButAsksForARehash() {
        String old = hasher.hash("upgrade me later");
        PasswordHasher stronger = new PasswordHasher(2_000);
        assertTrue(stronger.verify("upgrade me later", old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(stronger.needsRehash(stronger.hash("upgrade me later")));
    }
}
