package org.clutch.accounts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void whileTheKeyRotatesThePreviousKeyStillReadsAndResealingMovesTheSecretToTheNewKey() {
        String secret = Totp.newSecret();
        String underOld = new EncryptedSecret(key(7)).convertToDatabaseColumn(secret);
        EncryptedSecret rotating = new EncryptedSecret(key(8), List.of(key(7)));
        assertEquals(secret, rotating.convertToEntityAttribute(underOld), "the previous key still reads its secrets");
        assertFalse(rotating.sealedWithCurrentKey(underOld));
        String resealed = rotating.reseal(underOld);
        assertTrue(rotating.sealedWithCurrentKey(resealed));
        assertEquals(secret, new EncryptedSecret(key(8)).convertToEntityAttribute(resealed), "the new key alone reads it now");
        assertThrows(IllegalStateException.class, () -> new EncryptedSecret(key(7)).convertToEntityAttribute(resealed),
                "and the old key no longer does");
        assertThrows(IllegalStateException.class, () -> new EncryptedSecret(key(8), List.of(new byte[16])));
    }
}
