package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.clutch.shop.sync.SyncSettings;

/** The deployed application ({@link DeployedApplication}) with shop desktops that sync with it over the broker. */
abstract class DesktopDeployedApplication extends DeployedApplication {

    private final Map<UUID, JsonObject> brokerAccounts = new HashMap<>();

    /**
     * Where the desktop syncs: the broker at {@code brokerUrl} with the shop's own broker account, issued by its
     * tenant's admin as a real shop's would be.
     */
    SyncSettings settings(Fixtures.ShopUser shop, String brokerUrl) {
        JsonObject account = brokerAccounts.computeIfAbsent(shop.shopId(), id -> {
            Api.Reply issued = api.post("api/v1/sync/shops/" + id + "/broker-account", api.token(fixtures.tenantAdmin("Issuer " + id)),
                    null);
            assertEquals(200, issued.status(), issued.toString());
            return issued.json();
        });
        return new SyncSettings(shop.shopId(), brokerUrl, account.getString("username"), account.getString("password"));
    }
}
