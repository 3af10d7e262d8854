package org.clutch.shop.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marketplace orders from the inbox: an order to fulfil sets its parts aside at once, a cancelled one puts them back,
 * a shipped one takes them out; each step once, whatever arrives twice.
 */
class MarketplaceOrdersTest {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path directory;

    @Test
    void anOrderToFulfilSetsItsPartsAsideAndShippingTakesThemOut() {
        try (TestShop t = new TestShop(directory)) {
            PartSummary pads = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5);
            MarketplaceOrders orders = orders(t);
            UUID id = UUID.randomUUID();

            MarketplaceOrder opened = orders.receive(order(id, "AWAITING_PAYMENT"));
            assertEquals(2, opened.lines().get(0).reserved(), "two pads set aside");
            assertEquals(0, opened.lines().get(1).reserved(), "a part this shop does not list");
            assertEquals(Map.of("A-01", 3, MarketplaceOrders.RESERVED_BIN, 2), t.shop.inventory().onHandByBin(pads.id()));
            assertEquals(5, t.shop.inventory().onHand(pads.id()), "still in the shop, not on the shelf for the till");

            orders.receive(order(id, "AWAITING_PAYMENT")); // delivered again
            orders.receive(order(id, "PAID"));
            assertEquals(3, t.shop.inventory().onHandByBin(pads.id()).get("A-01"), "set aside once");

            MarketplaceOrder shipped = orders.receive(order(id, "SHIPPED"));
            assertEquals("SHIPPED", shipped.status());
            assertEquals(3, t.shop.inventory().onHand(pads.id()), "the two pads left with the order");
            assertEquals(0, t.shop.inventory().onHandByBin(pads.id()).getOrDefault(MarketplaceOrders.RESERVED_BIN, 0));
            orders.receive(order(id, "DELIVERED"));
            assertEquals(3, t.shop.inventory().onHand(pads.id()), "taken out once");
            assertEquals(1, movements(t, "SALE"), "shipping is a sale in the ledger (and at head office)");
            assertEquals(2, movements(t, "TRANSFER"), "the reservation: out of the shelf's bin, into the marketplace bin");
        }
    }

    @Test
    void aCancelledOrderPutsItsPartsBack() {
        try (TestShop t = new TestShop(directory)) {
            PartSummary pads = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5);
            MarketplaceOrders orders = orders(t);
            UUID id = UUID.randomUUID();
            orders.receive(order(id, "PAID"));
            MarketplaceOrder cancelled = orders.receive(order(id, "CANCELLED"));
            orders.receive(order(id, "CANCELLED"));

            assertEquals(0, cancelled.lines().get(0).reserved());
            assertEquals(5, t.shop.inventory().onHandByBin(pads.id()).get("A-01"), "back on the shelf, once");
            assertEquals(1, orders.recent().size());
        }
    }

    @Test
    void aMessageThatIsNoOrderIsRefusedWithWhy() {
        try (TestShop t = new TestShop(directory)) {
            MarketplaceOrders orders = orders(t);
            assertThrows(RuleException.class, () -> orders.receive(new SyncEvent(UUID.randomUUID(), SHOP,
                    ShopInboxTypes.ORDER_CHANGED, 1, UUID.randomUUID(), Instant.now(), "{\"status\":\"PAID\"}")));
            assertThrows(RuleException.class, () -> orders.receive(new SyncEvent(UUID.randomUUID(), SHOP,
                    ShopInboxTypes.ORDER_CHANGED, 1, UUID.randomUUID(), Instant.now(), "not json")));
            assertEquals(0, orders.recent().size());
        }
    }

    @Test
    void theShopTakesEachStepHereAndTheMarketplaceConfirmsOrRefusesIt() {
        try (TestShop t = new TestShop(directory)) {
            t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5);
            MarketplaceOrders orders = orders(t);
            UUID id = UUID.randomUUID();
            assertEquals(Optional.of(MarketplaceOrder.Step.PROCESSING), orders.receive(order(id, "PAID")).nextStep());

            MarketplaceOrder preparing = orders.takeStep(id, MarketplaceOrder.Step.PROCESSING, null, null, t.clerk);
            assertEquals("paid (preparing, waiting to sync)", preparing.statusText());
            assertEquals("PROCESSING", t.outbox(ShopInboxTypes.ORDER_STEP).get(0).getString("step"));
            assertEquals("otieno", t.outbox(ShopInboxTypes.ORDER_STEP).get(0).getString("staff"));
            assertThrows(RuleException.class, () -> orders.takeStep(id, MarketplaceOrder.Step.PROCESSING, null, null, t.clerk),
                    "not twice while it waits");
            assertEquals(1, t.outbox(ShopInboxTypes.ORDER_STEP).size());

            MarketplaceOrder processing = orders.receive(order(id, "PROCESSING"));
            assertNull(processing.requestedStep(), "confirmed");
            assertEquals("Order M-000042 is processing; it cannot be shipping now.", assertThrows(RuleException.class,
                    () -> orders.takeStep(id, MarketplaceOrder.Step.SHIPPED, "G4S", null, t.clerk)).getMessage());
            orders.takeStep(id, MarketplaceOrder.Step.READY, null, null, t.clerk);
            orders.receive(order(id, "READY"));
            assertThrows(RuleException.class, () -> orders.takeStep(id, MarketplaceOrder.Step.SHIPPED, " ", null, t.clerk),
                    "a shipment needs its carrier");
            orders.takeStep(id, MarketplaceOrder.Step.SHIPPED, "G4S Courier ", "G4S-1", t.clerk);
            JsonObject shipment = t.outbox(ShopInboxTypes.ORDER_STEP).get(2);
            assertEquals("G4S Courier", shipment.getString("carrier"));
            assertEquals("G4S-1", shipment.getString("trackingNumber"));

            MarketplaceOrder refused = orders.receiveRefusal(new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.ORDER_STEP_REFUSED,
                    1, id, Instant.now(), """
                    {"orderId":"%s","step":"SHIPPED","reason":"This order is cancelled; it cannot be shipped."}""".formatted(id)));
            assertNull(refused.requestedStep());
            assertEquals("This order is cancelled; it cannot be shipped.", refused.stepRefusal());
            assertEquals("ready", refused.statusText(), "as the marketplace last said");
            assertThrows(RuleException.class, () -> orders.receiveRefusal(new SyncEvent(UUID.randomUUID(), SHOP,
                    ShopInboxTypes.ORDER_STEP_REFUSED, 1, id, Instant.now(), """
                    {"orderId":"%s","step":"READY","reason":"unknown"}""".formatted(UUID.randomUUID()))), "not an order of this desktop");
        }
    }

    private static MarketplaceOrders orders(TestShop t) {
        return new MarketplaceOrders(t.shop.database(), t.shop.catalog(), t.shop.inventory(), t.clock);
    }

    /** The order as the backend writes it (OrderView, the fields the desktop reads). */
    private static SyncEvent order(UUID id, String status) {
        String payload = """
                {"id":"%s","number":"M-000042","status":"%s","vehicle":"2016 Toyota Corolla","currency":"KES",
                 "total":9800.00,"deliveryAddress":"Kenyatta Avenue, Nairobi","lines":[
                 {"lineNo":1,"name":"Brake pads front","partNumber":"04465-02220","quantity":2,"unitPrice":4500.00},
                 {"lineNo":2,"name":"Wiper blades","partNumber":"WIP-24","quantity":1,"unitPrice":800.00}]}"""
                .formatted(id, status);
        return new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.ORDER_CHANGED, 1, id, Instant.now(), payload);
    }

    private static long movements(TestShop t, String reason) {
        return t.shop.database().read(c -> {
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT count(*) FROM stock_movement WHERE reference = 'M-000042' AND reason = '" + reason + "'")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
