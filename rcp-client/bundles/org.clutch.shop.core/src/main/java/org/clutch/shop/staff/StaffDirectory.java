package org.clutch.shop.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;

/** Local staff accounts: passwords are kept as salted PBKDF2 hashes, never in clear. */
public final class StaffDirectory {

    private static final int ITERATIONS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShopDatabase database;

    public StaffDirectory(ShopDatabase database) {
        this.database = database;
    }

    public boolean isEmpty() {
        return database.read(c -> {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM staff")) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    public Staff create(String username, String displayName, Role role, char[] password) {
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!name.matches("[a-z0-9._-]{2,64}")) {
            throw new RuleException("A user name is 2 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new RuleException("Enter the person's name.");
        }
        if (password == null || password.length < 6) {
            throw new RuleException("A password has at least 6 characters.");
        }
        Staff staff = new Staff(UUID.randomUUID(), name, displayName.trim(), role);
        String hash = hash(password);
        database.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM staff WHERE username = ?")) {
                exists.setString(1, name);
                if (exists.executeQuery().next()) {
                    throw new RuleException("The user name " + name + " is taken.");
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO staff (id, username, display_name, role, password_hash) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, staff.id());
                insert.setString(2, name);
                insert.setString(3, staff.displayName());
                insert.setString(4, role.name());
                insert.setString(5, hash);
                insert.executeUpdate();
            }
            return null;
        });
        return staff;
    }

    /** The person with this user name and password; the same answer for an unknown name and a wrong password. */
    public Optional<Staff> login(String username, char[] password) {
        String name = username == null ? "" : username.trim().toLowerCase();
        Optional<String[]> row = database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, username, display_name, role, password_hash FROM staff WHERE username = ? AND active")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)});
                }
            }
        });
        if (row.isEmpty() || !matches(password, row.get()[4])) {
            return Optional.empty();
        }
        String[] r = row.get();
        return Optional.of(new Staff(UUID.fromString(r[0]), r[1], r[2], Role.valueOf(r[3])));
    }

    public List<Staff> all() {
        return database.read(c -> {
            List<Staff> staff = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT id, username, display_name, role FROM staff WHERE active ORDER BY display_name")) {
                while (rows.next()) {
                    staff.add(new Staff(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            Role.valueOf(rows.getString(4))));
                }
            }
            return staff;
        });
    }

    static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password == null ? new char[0] : password, salt,
                Integer.parseInt(parts[1])));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }
}
