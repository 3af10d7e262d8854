package org.clutch.web.it;

import org.clutch.accounts.PasswordHasher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Test data written straight into PostgreSQL, as onboarding will later do through the API. Each test invents its
 * own vehicle make, so that its shops and requests never meet another test's.
 */
public final class Fixtures {

    /** The password of every fixture account. */
    public static final String PASSWORD = "fixture-password-2026";
    /** Hashed once per test run (600,000 PBKDF2 iterations, as in production). */
    private static final String PASSWORD_HASH = new PasswordHasher(600_000).hash(PASSWORD);

    public record ShopUser(UUID shopId, String email) {
    }

    public record CustomerUser(UUID customerId, String email) {
    }

    private final UUID tenantId = UUID.randomUUID();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public Fixtures() {
        this("SHOP_BUSINESS");
    }

    /** A tenant of the kind: SHOP_BUSINESS, or PARTNER in both partner roles. */
    public Fixtures(String kind) {
        this(kind, "PARTNER".equals(kind) ? "BUYER,SUPPLIER" : null);
    }

    /** A tenant of the kind; a partner in the roles given ("BUYER", "SUPPLIER" or "BUYER,SUPPLIER"). */
    public Fixtures(String kind, String partnerRoles) {
        execute("INSERT INTO tenant (id, kind, name, legal_name, currency, partner_roles) VALUES (?, ?, ?, ?, 'KES', ?)", tenantId, kind,
                "Tenant " + suffix, "Tenant " + suffix + " Ltd", partnerRoles);
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** A make no other test uses. */
    public String uniqueMake(String name) {
        return name + "-" + suffix;
    }

    public ShopUser activeShop(String name, double latitude, double longitude, int radiusKm, String... makes) {
        UUID shopId = UUID.randomUUID();
        execute("INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km) "
                + "VALUES (?, ?, ?, 'ACTIVE', ?, ?, 'Test road 1', ?)", shopId, tenantId, name, latitude, longitude, radiusKm);
        for (String make : makes) {
            execute("INSERT INTO shop_make (shop_id, make) VALUES (?, ?)", shopId, make.toUpperCase());
        }
        String email = account(name, "SHOP_STAFF", shopId, null);
        return new ShopUser(shopId, email);
    }

    public CustomerUser customer(String name) {
        UUID customerId = UUID.randomUUID();
        execute("INSERT INTO customer (id, display_name) VALUES (?, ?)", customerId, name);
        return new CustomerUser(customerId, account(name, "CUSTOMER", null, customerId));
    }

    /** Runs SQL as the platform (outside row-level security): for tests that move time or settings of their own tenant. */
    public static void sql(String statement, Object... args) {
        execute(statement, args);
    }

    /** A manager of one of this fixture's shops. */
    public String shopManager(String name, UUID shopId) {
        return account(name, "SHOP_MANAGER", shopId, null);
    }

    /** An administrator of this fixture's tenant. */
    public String tenantAdmin(String name) {
        return account(name, "TENANT_ADMIN", null, null);
    }

    private String account(String name, String role, UUID shopId, UUID customerId) {
        String email = name.toLowerCase().replace(' ', '-') + "-" + suffix + "@test.example";
        execute("INSERT INTO user_account (id, email, display_name, password_hash, role, tenant_id, shop_id, customer_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), email, name, PASSWORD_HASH, role, "CUSTOMER".equals(role) ? null : tenantId, shopId, customerId);
        return email;
    }

    public static long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String text(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a request's expiry into the past, as if its time to live had run out. */
    public static void makeOverdue(UUID requestId) {
        execute("UPDATE parts_request SET expires_at = now() - interval '1 second' WHERE id = ?", requestId);
    }

    private static void execute(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    /** A connection that sees every tenant's rows (the platform scope of row-level security), as a test must. */
    private static Connection connect() throws SQLException {
        Connection c = connectUnscoped();
        try (var s = c.createStatement()) {
            s.execute("SET clutch.scope = 'platform'");
        }
        return c;
    }

    /** A connection as the application's database role with no scope stated: row-level security shows nothing. */
    public static Connection connectUnscoped() throws SQLException {
        return DriverManager.getConnection(System.getProperty("clutch.it.db.url"), "clutch", "clutch");
    }
}
