package org.clutch.web.it;

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

    public record ShopUser(UUID shopId, String username) {
    }

    public record CustomerUser(UUID customerId, String username) {
    }

    private final UUID tenantId = UUID.randomUUID();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public Fixtures() {
        execute("INSERT INTO tenant (id, name, currency) VALUES (?, ?, 'KES')", tenantId, "Tenant " + suffix);
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
        String username = name.toLowerCase().replace(' ', '-') + "-" + suffix + "@test";
        execute("INSERT INTO app_user (id, username, role, shop_id) VALUES (?, ?, 'SHOP_STAFF', ?)", UUID.randomUUID(), username, shopId);
        return new ShopUser(shopId, username);
    }

    public CustomerUser customer(String name) {
        UUID customerId = UUID.randomUUID();
        execute("INSERT INTO customer (id, display_name) VALUES (?, ?)", customerId, name);
        String username = name.toLowerCase().replace(' ', '-') + "-" + suffix + "@test";
        execute("INSERT INTO app_user (id, username, role, customer_id) VALUES (?, ?, 'CUSTOMER', ?)", UUID.randomUUID(), username,
                customerId);
        return new CustomerUser(customerId, username);
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

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("clutch.it.db.url"), "clutch", "clutch");
    }
}
