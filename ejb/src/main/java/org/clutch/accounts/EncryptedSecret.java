package org.clutch.accounts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps authenticator secrets encrypted at rest (AES-256-GCM with a key from configuration,
 * {@code clutch.mfa.encryption-key}, Base64 of 32 bytes), so that a copy of the database or a backup does not hand
 * out everyone's second factor. Stored as {@code v1:} + Base64(IV + ciphertext + tag).
 */
@Converter
public class EncryptedSecret implements AttributeConverter<String, String> {

    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public EncryptedSecret() {
        this(Base64.getDecoder().decode(ConfigProvider.getConfig().getValue("clutch.mfa.encryption-key", String.class)));
    }

    EncryptedSecret(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("clutch.mfa.encryption-key must be Base64 of 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key, "AES");
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
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("an authenticator secret is not encrypted with a known scheme");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt an authenticator secret (wrong clutch.mfa.encryption-key?)", e);
        }
    }
}
