package org.clutch.accounts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keeps authenticator secrets encrypted at rest (AES-256-GCM with a key from configuration,
 * {@code clutch.mfa.encryption-key}, Base64 of 32 bytes), so that a copy of the database or a backup does not hand
 * out everyone's second factor. Stored as {@code v1:} + Base64(IV + ciphertext + tag). While the key rotates, the
 * keys it replaces ({@code clutch.mfa.previous-encryption-keys}) still read what they sealed, and
 * {@link MfaKeyRotation} seals it again under the current key.
 */
@Converter
public class EncryptedSecret implements AttributeConverter<String, String> {

    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> previous;

    public EncryptedSecret() {
        this(Base64.getDecoder().decode(ConfigProvider.getConfig().getValue("clutch.mfa.encryption-key", String.class)),
                ConfigProvider.getConfig().getOptionalValue("clutch.mfa.previous-encryption-keys", String.class).stream()
                        .flatMap(keys -> Arrays.stream(keys.split(","))).map(String::strip).filter(k -> !k.isEmpty())
                        .map(k -> Base64.getDecoder().decode(k)).toList());
    }

    EncryptedSecret(byte[] key) {
        this(key, List.of());
    }

    EncryptedSecret(byte[] key, List<byte[]> previous) {
        this.key = aes(key, "clutch.mfa.encryption-key");
        this.previous = previous.stream().map(k -> aes(k, "clutch.mfa.previous-encryption-keys")).toList();
    }

    private static SecretKeySpec aes(byte[] key, String setting) {
        if (key.length != 32) {
            throw new IllegalStateException(setting + " must be Base64 of 32 bytes (AES-256)");
        }
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an authenticator secret", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        String secret = open(stored, key);
        for (int i = 0; secret == null && i < previous.size(); i++) {
            secret = open(stored, previous.get(i));
        }
        if (secret == null) {
            throw new IllegalStateException("cannot decrypt an authenticator secret (wrong clutch.mfa.encryption-key?)");
        }
        return secret;
    }

    /** Whether the value is sealed under the current key (and needs no re-encryption). */
    public boolean sealedWithCurrentKey(String stored) {
        return open(stored, key) != null;
    }

    /** The secret read with whichever key sealed it, sealed again under the current key. */
    public String reseal(String stored) {
        return convertToDatabaseColumn(convertToEntityAttribute(stored));
    }

    /** The secret, or null when this key did not seal it (or the value was altered). */
    private static String open(String stored, SecretKeySpec with) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("an authenticator secret is not encrypted with a known scheme");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt an authenticator secret", e);
        }
    }
}
