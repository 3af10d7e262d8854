package org.clutch.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PasswordPolicyTest {

    @Test
    void longUnusualPasswordsPass() {
        assertNull(PasswordPolicy.reasonToRefuse("brake pads and a coffee", "amina@example.com"));
        assertNull(PasswordPolicy.reasonToRefuse("ñandú-över-12", null), "any characters, counted as characters");
    }

    @Test
    void shortLongCommonRepetitiveAndOwnEmailPasswordsAreRefused() {
        assertEquals("must be at least 12 characters", PasswordPolicy.reasonToRefuse("short-pass", null));
        assertEquals("must be at most 128 characters", PasswordPolicy.reasonToRefuse("x".repeat(60) + "y".repeat(69), null));
        assertNotNull(PasswordPolicy.reasonToRefuse("Password1234", null), "common, whatever the case");
        assertNotNull(PasswordPolicy.reasonToRefuse("abababababababab", null), "too few different characters");
        assertEquals("must not contain your e-mail address", PasswordPolicy.reasonToRefuse("my name is wanjiku ok", "Wanjiku@example.com"));
    }
}
