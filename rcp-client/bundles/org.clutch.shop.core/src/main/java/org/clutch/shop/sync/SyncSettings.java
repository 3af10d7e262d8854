package org.clutch.shop.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;

/**
 * Where this desktop syncs to: the shop's id on the marketplace and the broker it reaches the backend through, with
 * the shop's own broker credentials. Kept with the shop's other settings; a shop without them works offline only.
 */
public record SyncSettings(UUID shopId, String brokerUrl, String user, String password) {

    static final String SHOP_ID = "sync.shop-id";
    static final String BROKER_URL = "sync.broker-url";
    static final String USER = "sync.broker-user";
    static final String PASSWORD = "sync.broker-password";

    public SyncSettings {
        if (shopId == null) {
            throw new RuleException("The shop's marketplace id is required to sync.");
        }
        if (brokerUrl == null || !brokerUrl.matches("(tcp|ssl)://[^\\s]+")) {
            throw new RuleException("The broker address must look like tcp://host:61616.");
        }
        user = blankToNull(user);
        password = blankToNull(password);
    }

    /** The saved settings, or empty when this shop has not been set up to sync. */
    public static Optional<SyncSettings> load(ShopDatabase database) {
        Map<String, String> values = database.read(c -> {
            Map<String, String> found = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT setting_name, setting_value FROM shop_setting WHERE setting_name LIKE 'sync.%'");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        });
        if (!values.containsKey(SHOP_ID) || !values.containsKey(BROKER_URL)) {
            return Optional.empty();
        }
        return Optional.of(new SyncSettings(UUID.fromString(values.get(SHOP_ID)), values.get(BROKER_URL),
                values.get(USER), values.get(PASSWORD)));
    }

    public void save(ShopDatabase database) {
        database.inTransaction(c -> {
            put(c, SHOP_ID, shopId.toString());
            put(c, BROKER_URL, brokerUrl);
            put(c, USER, user);
            put(c, PASSWORD, password);
            return null;
        });
    }

    private static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM shop_setting WHERE setting_name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
        if (value != null) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO shop_setting (setting_name, setting_value) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SyncSettings[shopId=" + shopId + ", brokerUrl=" + brokerUrl + ", user=" + user + "]";
    }
}
