package org.clutch.shop.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.common.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests to quote as they come from the shop's inbox: kept once, readable offline, gone from the list once expired. */
class MarketplaceRequestsTest {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path directory;

    /** The shop's view of a request as the backend's REST API writes it (JSON-B of ShopRequestView; nulls left out). */
    static String shopView(UUID requestId, Instant dispatched, Instant expires) {
        return """
                {"dispatchedAt":"%s","distanceKm":3.42,"request":{"createdAt":"%s","delivery":{"address":"Kenyatta Avenue",
                "latitude":-1.2864,"longitude":36.8172},"expiresAt":"%s","id":"%s","lines":[
                {"id":"%s","lineNo":1,"name":"Brake pads front","partNumber":"04465-02220","quantity":2},
                {"id":"%s","lineNo":2,"name":"Oil filter","notes":"genuine only","quantity":1}],"quotes":[],"status":"OPEN",
                "vehicle":{"make":"Toyota","model":"Corolla","vin":"JTDBR32E720123456","year":2016}}}
                """.formatted(dispatched.atOffset(java.time.ZoneOffset.UTC), dispatched.atOffset(java.time.ZoneOffset.UTC),
                expires.atOffset(java.time.ZoneOffset.UTC), requestId, UUID.randomUUID(), UUID.randomUUID());
    }

    private static SyncEvent event(UUID requestId, String payload) {
        return new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.QUOTE_REQUESTED, 1, requestId, Instant.now(), payload);
    }

    @Test
    void aRequestIsKeptOnceAndListedUntilItExpires() {
        try (TestShop t = new TestShop(directory)) {
            MarketplaceRequests requests = new MarketplaceRequests(t.shop.database(), t.clock);
            Instant now = t.clock.instant();
            UUID soon = UUID.randomUUID();
            UUID later = UUID.randomUUID();
            requests.receive(event(soon, shopView(soon, now.minusSeconds(600), now.plusSeconds(3600))));
            IncomingRequest received = requests.receive(event(later, shopView(later, now.minusSeconds(60), now.plusSeconds(7200))))
                    .orElseThrow();
            requests.receive(event(later, shopView(later, now.minusSeconds(60), now.plusSeconds(7200)))); // delivered again

            assertEquals("2016 Toyota Corolla", received.vehicle());
            assertEquals("JTDBR32E720123456", received.vin());
            assertEquals(new BigDecimal("3.42"), received.distanceKm());
            assertEquals(List.of(new IncomingRequest.Line(received.lines().get(0).id(), 1, "Brake pads front", "04465-02220", 2, null),
                    new IncomingRequest.Line(received.lines().get(1).id(), 2, "Oil filter", null, 1, "genuine only")),
                    received.lines());
            assertEquals(List.of(later, soon), requests.open().stream().map(IncomingRequest::requestId).toList(),
                    "each once, the newest first");

            t.clock.advanceDays(1);
            assertTrue(requests.open().isEmpty(), "expired requests are no longer offered");
        }
    }

    @Test
    void aMessageThatIsNoRequestToQuoteIsRefusedWithWhy() {
        try (TestShop t = new TestShop(directory)) {
            MarketplaceRequests requests = new MarketplaceRequests(t.shop.database(), t.clock);
            UUID id = UUID.randomUUID();
            RuleException wrongType = assertThrows(RuleException.class, () -> requests.receive(
                    new SyncEvent(UUID.randomUUID(), SHOP, "marketplace.something-else", 1, id, Instant.now(), "{}")));
            assertTrue(wrongType.getMessage().contains("marketplace.something-else"));
            assertThrows(RuleException.class, () -> requests.receive(event(id, "{\"request\":{}}")));
            assertThrows(RuleException.class, () -> requests.receive(event(id, "not json")));
            assertTrue(requests.open().isEmpty());
        }
    }
}
