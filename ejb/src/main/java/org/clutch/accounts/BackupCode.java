package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A single-use code for logging in without the phone. Codes are 10 characters of the Base32 alphabet (50 bits),
 * shown once as "XXXXX-XXXXX"; only SHA-256 of the account id and the code is kept, and wrong codes are throttled
 * like wrong passwords.
 */
@Entity
@Table(name = "mfa_backup_code")
@IdClass(BackupCode.Key.class)
public class BackupCode {

    static final int COUNT = 10;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The composite primary key (JPA wants a class with the id fields' names). */
    public static class Key implements Serializable {
        private UUID userId;
        private String codeHash;

        public Key() {
        }

        static Key of(UUID userId, String codeHash) {
            Key key = new Key();
            key.userId = userId;
            key.codeHash = codeHash;
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.userId, userId) && Objects.equals(k.codeHash, codeHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, codeHash);
        }
    }

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected BackupCode() {
    }

    private BackupCode(UUID userId, String codeHash) {
        this.userId = userId;
        this.codeHash = codeHash;
    }

    /** A fresh set of codes: the entities to store and the codes to show, once. */
    record Issued(List<BackupCode> stored, List<String> shown) {
    }

    /** Replaces the account's codes with a fresh set; answers the codes to show, once. */
    static List<String> replaceAll(EntityManager em, UUID userId) {
        deleteAll(em, userId);
        Issued issued = issue(userId);
        issued.stored().forEach(em::persist);
        return issued.shown();
    }

    static void deleteAll(EntityManager em, UUID userId) {
        em.createQuery("delete from BackupCode b where b.userId = :u").setParameter("u", userId).executeUpdate();
    }

    static Issued issue(UUID userId) {
        List<BackupCode> stored = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            shown.add(code.substring(0, 5) + "-" + code.substring(5));
            stored.add(new BackupCode(userId, hash(userId, code.toString())));
        }
        return new Issued(stored, shown);
    }

    /** The stored hash of what a person typed: dashes, spaces and case do not matter. */
    static String hash(UUID userId, String typed) {
        String normalized = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return SecretTokens.sha256(userId + ":" + normalized);
    }

    boolean isUnused() {
        return usedAt == null;
    }

    void use(OffsetDateTime now) {
        usedAt = now;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackupCode b && Objects.equals(b.userId, userId) && Objects.equals(b.codeHash, codeHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, codeHash);
    }
}
