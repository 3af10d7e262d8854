package org.clutch.shop.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.common.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's marketplace settings from the inbox: the latest kept, readable offline, a bad message refused. */
class MarketplaceSettingsTest {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path directory;

    @Test
    void theLatestSettingsAreKeptAndReadInPlainWords() {
        try (TestShop t = new TestShop(directory)) {
            MarketplaceSettings settings = new MarketplaceSettings(t.shop.database());
            assertTrue(settings.current().isEmpty());
            settings.receive(event("ACTIVE", null, true));
            settings.receive(event("SUSPENDED", "documents expired", false));

            MarketplaceSettings.Settings now = new MarketplaceSettings(t.shop.database()).current().orElseThrow();
            assertEquals("SUSPENDED", now.status());
            assertEquals("Westlands Auto Spares: suspended (documents expired); NISSAN, TOYOTA within 15 km; list price less 10 %; "
                    + "automatic quotes off", now.summary());
        }
    }

    @Test
    void settingsThatCannotBeReadAreRefusedAndChangeNothing() {
        try (TestShop t = new TestShop(directory)) {
            MarketplaceSettings settings = new MarketplaceSettings(t.shop.database());
            settings.receive(event("ACTIVE", null, true));
            assertThrows(RuleException.class, () -> settings.receive(new SyncEvent(UUID.randomUUID(), SHOP,
                    ShopInboxTypes.SHOP_SETTINGS, 1, SHOP, Instant.now(), "{\"status\":\"ACTIVE\"}")));
            assertEquals("ACTIVE", settings.current().orElseThrow().status());
        }
    }

    private static SyncEvent event(String status, String reason, boolean autoQuote) {
        String payload = """
                {"shopId":"%s","name":"Westlands Auto Spares","status":"%s","statusReason":%s,"address":"Westlands",
                 "serviceRadiusKm":15.0,"makes":["NISSAN","TOYOTA"],"pricingStrategy":"LIST_MINUS","pricingPercent":10.00,
                 "autoQuote":%s,"at":"2026-11-22T10:00:00Z"}"""
                .formatted(SHOP, status, reason == null ? "null" : "\"" + reason + "\"", autoQuote);
        return new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.SHOP_SETTINGS, 1, SHOP, Instant.now(), payload);
    }
}
