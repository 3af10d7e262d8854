package org.clutch.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.clutch.shop.sync.SyncSettings;

/**
 * What every integration test class shares: the built WAR deployed once per class on Payara Micro (with the
 * PostgreSQL and Artemis that {@link IntegrationServices} started), a client of its API, and fresh fixtures of
 * their own tenant for each test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedApplication {

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.create(ZipImporter.class, "clutch.war")
                .importFrom(new File(System.getProperty("clutch.war"))).as(WebArchive.class);
    }

    @ArquillianResource
    URL deployment;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void connect() {
        api = new Api(deployment);
        fixtures = new Fixtures();
    }

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

    private final Map<UUID, JsonObject> brokerAccounts = new HashMap<>();
}
