package org.clutch.accounts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncryptedSecretTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void storesOnlyCiphertextAndReadsTheSecretBack() {
        EncryptedSecret converter = new EncryptedSecret(key(7));
        String secret = Totp.newSecret();
        String stored = converter.convertToDatabaseColumn(secret);
        assertFalse(stored.contains(secret), stored);
        assertNotEquals(stored, converter.convertToDatabaseColumn(secret), "a fresh IV each time");
        assertEquals(secret, converter.convertToEntityAttribute(stored));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void anotherKeyOrATamperedValueCannotBeRead() {
        String stored = new EncryptedSecret(key(7)).convertToDatabaseColumn(Totp.newSecret());
        assertThrows(IllegalStateException.class, () -> new EncryptedSecret(key(8)).convertToEntityAttribute(stored));
        String tampered = stored.substring(0, stored.length() - 3) + (stored.endsWith("A==") ? "B==" : "A==");
        assertThrows(IllegalStateException.class, () -> new EncryptedSecret(key(7)).convertToEntityAttribute(tampered));
        assertThrows(IllegalStateException.class, () -> new EncryptedSecret(new byte[16]));
    }
}
