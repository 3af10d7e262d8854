package org.clutch.shop.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted backup file. A plain header (what it is, the shop, when, the database version, the key's salt, and a
 * check value that tells a wrong passphrase from a damaged file), then the database in chunks of AES-256-GCM, each
 * bound to the header, its position and whether it is the last, so a file cut short, reordered or altered is refused
 * instead of restored in part. The key is derived from the manager's passphrase with PBKDF2.
 */
final class BackupFile {

    static final String EXTENSION = ".clutchbackup";
    private static final byte[] MAGIC = "CLUTCHBK".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int CHUNK = 1 << 20;
    private static final int TAG_BITS = 128;
    static final int ITERATIONS = 310_000;
    private static final byte[] KEY_CHECK_LABEL = "clutch backup key check".getBytes(StandardCharsets.US_ASCII);

    /** What a backup says about itself before any passphrase is given. */
    record Header(int schemaVersion, Instant createdAt, String shopName, byte[] salt, int iterations, byte[] noncePrefix,
            byte[] keyCheck) {

        byte[] bytes() throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(schemaVersion);
            out.writeLong(createdAt.toEpochMilli());
            out.writeUTF(shopName);
            writeBytes(out, salt);
            out.writeInt(iterations);
            writeBytes(out, noncePrefix);
            writeBytes(out, keyCheck);
            return buffer.toByteArray();
        }
    }

    private BackupFile() {
    }

    static SecretKey deriveKey(char[] passphrase, byte[] salt, int iterations) {
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256)).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is missing from this Java", e);
        }
    }

    static byte[] keyCheck(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(KEY_CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Header newHeader(int schemaVersion, Instant createdAt, String shopName, SecretKey key, byte[] salt, int iterations) {
        byte[] noncePrefix = new byte[8];
        new SecureRandom().nextBytes(noncePrefix);
        return new Header(schemaVersion, createdAt, shopName, salt, iterations, noncePrefix, keyCheck(key));
    }

    /** Writes the header, then {@code plain} encrypted. */
    static void write(Header header, SecretKey key, InputStream plain, OutputStream file) throws IOException {
        byte[] headerBytes = header.bytes();
        DataOutputStream out = new DataOutputStream(file);
        out.write(headerBytes);
        byte[] chunk = new byte[CHUNK];
        int filled = plain.readNBytes(chunk, 0, CHUNK);
        long index = 0;
        while (true) {
            byte[] next = new byte[CHUNK];
            int nextFilled = filled < CHUNK ? 0 : plain.readNBytes(next, 0, CHUNK);
            boolean last = nextFilled == 0;
            byte[] sealed = seal(key, header, headerBytes, index, last, chunk, filled);
            out.writeBoolean(last);
            out.writeInt(sealed.length);
            out.write(sealed);
            if (last) {
                break;
            }
            chunk = next;
            filled = nextFilled;
            index++;
        }
        out.flush();
    }

    /** The header of a backup file, or why it is not one this desktop can read. */
    static Header readHeader(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BackupException("This is not a Clutch shop backup.");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new BackupException("This backup was written in a newer format (" + format
                    + ") than this desktop reads. Update Clutch shop first, then restore it.");
        }
        try {
            return new Header(in.readInt(), Instant.ofEpochMilli(in.readLong()), in.readUTF(), readBytes(in, 64),
                    in.readInt(), readBytes(in, 64), readBytes(in, 64));
        } catch (EOFException e) {
            throw new BackupException("The backup file is cut short: its header is incomplete.");
        }
    }

    /** Decrypts what follows the header into {@code plain}; throws when the file is damaged, cut short or altered. */
    static void read(Header header, SecretKey key, DataInputStream in, OutputStream plain) throws IOException {
        if (!Arrays.equals(keyCheck(key), header.keyCheck())) {
            throw new BackupException("The passphrase does not open this backup.");
        }
        byte[] headerBytes = header.bytes();
        for (long index = 0;; index++) {
            boolean last;
            byte[] sealed;
            try {
                last = in.readBoolean();
                int length = in.readInt();
                if (length < 0 || length > CHUNK + TAG_BITS / 8) {
                    throw new BackupException("The backup file is damaged (a block of " + length + " bytes).");
                }
                sealed = in.readNBytes(length);
                if (sealed.length < length) {
                    throw new EOFException();
                }
            } catch (EOFException e) {
                throw new BackupException("The backup file is cut short: it ends before its last block. "
                        + "It was not copied whole, or the disk filled up while it was written.");
            }
            plain.write(open(key, header, headerBytes, index, last, sealed));
            if (last) {
                if (in.read() != -1) {
                    throw new BackupException("The backup file is damaged: something follows its last block.");
                }
                return;
            }
        }
    }

    private static byte[] seal(SecretKey key, Header header, byte[] headerBytes, long index, boolean last, byte[] data, int length) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, header, headerBytes, index, last);
            return cipher.doFinal(data, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] open(SecretKey key, Header header, byte[] headerBytes, long index, boolean last, byte[] sealed) {
        try {
            return cipher(Cipher.DECRYPT_MODE, key, header, headerBytes, index, last).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new BackupException("The backup file is damaged or was altered (block " + (index + 1) + " does not check).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, Header header, byte[] headerBytes, long index, boolean last)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(header.noncePrefix()).putInt((int) index).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(headerBytes);
        cipher.updateAAD(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
        return cipher;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in, int most) throws IOException {
        int length = in.readUnsignedShort();
        if (length > most) {
            throw new BackupException("The backup file's header is damaged.");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        return bytes;
    }
}
