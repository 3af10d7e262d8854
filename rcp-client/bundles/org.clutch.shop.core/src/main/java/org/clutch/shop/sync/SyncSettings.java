package org.clutch.shop.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.db.ShopSettingsTable;

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
        Map<String, String> values = database.read(c -> ShopSettingsTable.read(c, List.of(SHOP_ID, BROKER_URL, USER, PASSWORD)));
        if (!values.containsKey(SHOP_ID) || !values.containsKey(BROKER_URL)) {
            return Optional.empty();
        }
        return Optional.of(new SyncSettings(UUID.fromString(values.get(SHOP_ID)), values.get(BROKER_URL),
                values.get(USER), values.get(PASSWORD)));
    }

    /** Saves the settings; a user or password left blank is removed. */
    public void save(ShopDatabase database) {
        Map<String, String> values = new HashMap<>();
        values.put(SHOP_ID, shopId.toString());
        values.put(BROKER_URL, brokerUrl);
        values.put(USER, user);
        values.put(PASSWORD, password);
        ShopSettingsTable.write(database, values);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SyncSettings[shopId=" + shopId + ", brokerUrl=" + brokerUrl + ", user=" + user + "]";
    }
}
