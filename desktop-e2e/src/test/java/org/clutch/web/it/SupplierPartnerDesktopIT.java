package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.clutch.jms.PartnerMessages;
import org.clutch.jms.client.ShopBroker;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.purchasing.OrderLine;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.purchasing.Purchasing;
import org.clutch.shop.purchasing.Supplier;
import org.clutch.shop.purchasing.SupplierAnswer;
import org.clutch.shop.purchasing.SupplierPart;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncLogEntry;
import org.clutch.shop.sync.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop's desktop orders from a supplier that is a partner on the platform: the order reaches the supplier's system
 * over AMQP as a partner connects ({@link PartnerIT}), and what the supplier answers shows on the desktop.
 */
class SupplierPartnerDesktopIT extends DesktopDeployedApplication {

    @Test
    void aShopsPurchaseOrderReachesItsSupplierPartnerAndTheSuppliersAnswersShowOnTheShopsDesktop(@TempDir Path desktopDirectory)
            throws Exception {
        Fixtures.ShopUser shop = fixtures.activeShop("Ordering Motors", -1.2676, 36.8108, 15, fixtures.uniqueMake("TOYOTA"));
        String admin = api.token(fixtures.tenantAdmin("Ordering Admin"));
        Fixtures supplier = new Fixtures("PARTNER");
        JsonObject account = PartnerIT.issueAccount(api, supplier.tenantId());
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE);
             JMSContext amqp = PartnerIT.connect(account);
             JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")));
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            Purchasing purchasing = desktop.shop.purchasing();
            PartSummary filters = desktop.part("90915-YZZE1", "Oil filter", 120000, 0);
            Supplier distributor = purchasing.saveSupplier(new Supplier(null, "Fleet Parts Distributors", "Wanjiku", "0711 000 002",
                    null, 2, true), desktop.manager);
            purchasing.saveSupplierPart(new SupplierPart(distributor.id(), null, filters.id(), null, null, "FPD-4471", 60000, null, 1,
                    true), desktop.manager);
            String link = "api/v1/sync/shops/" + shop.shopId() + "/suppliers/" + distributor.id() + "/partner";
            assertEquals(404, api.put(link, admin, Json.createObjectBuilder().add("partnerTenantId", fixtures.tenantId().toString())
                    .build()).status(), "only a partner can be linked");
            assertEquals(204, api.put(link, admin, Json.createObjectBuilder().add("partnerTenantId", supplier.tenantId().toString())
                    .build()).status());

            PurchaseOrder order = purchasing.draft(distributor.id(), List.of(new OrderLine(filters.id(), 24, null)), null, desktop.clerk);
            purchasing.approve(order.id(), desktop.manager);
            purchasing.send(order.id(), desktop.clerk);
            settings(shop, System.getProperty("clutch.it.broker.url")).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            Message placed = PartnerIT.receive(outbound, PartnerMessages.PURCHASE_ORDER_PLACED);
            JsonObject sent = PartnerIT.json(placed);
            assertEquals(order.id().toString(), placed.getJMSCorrelationID());
            assertEquals("PO000001", sent.getString("number"));
            assertEquals("Ordering Motors", sent.getJsonObject("shop").getString("name"));
            JsonObject line = sent.getJsonArray("lines").getJsonObject(0);
            assertEquals(24, line.getInt("quantity"));
            assertEquals("FPD-4471", line.getString("supplierPartNumber"), "in the supplier's own numbers");

            PartnerIT.send(amqp, PartnerMessages.ACKNOWLEDGE_PURCHASE_ORDER, "ack-" + order.id(), order.id().toString(), Json.createObjectBuilder()
                    .add("purchaseOrderId", order.id().toString()).add("expectedShipDate", "2026-11-24").add("note", "all in stock").build());
            PartnerIT.send(amqp, PartnerMessages.SHIP_PURCHASE_ORDER, "ship-" + order.id(), order.id().toString(), Json.createObjectBuilder()
                    .add("purchaseOrderId", order.id().toString()).add("carrier", "G4S Courier").add("trackingNumber", "G4S-778812").build());
            SupplierAnswer answer = Await.until(() -> purchasing.get(order.id()).orElseThrow().supplierAnswer(),
                    a -> a != null && a.status() == SupplierAnswer.Status.SHIPPED, Duration.ofSeconds(30));
            assertEquals("shipped with G4S Courier, tracking G4S-778812 (all in stock)", answer.describe());
            assertEquals(java.time.LocalDate.of(2026, 11, 24), answer.shipsOn());
            assertTrue(agent.log().recent(20).stream().anyMatch(e -> e.kind() == SyncLogEntry.Kind.PURCHASING
                    && e.detail().equals("Purchase order PO000001: Fleet Parts Distributors acknowledged; ships 2026-11-24 (all in stock).")),
                    "the acknowledgement is in the sync log");

            // another supplier's order, or one never placed, is not this partner's to answer
            PartnerIT.send(amqp, PartnerMessages.SHIP_PURCHASE_ORDER, "ship-unknown", null, Json.createObjectBuilder()
                    .add("purchaseOrderId", UUID.randomUUID().toString()).build());
            Message refused = deadLetters.receive(PartnerIT.WAIT_MS);
            assertNotNull(refused);
            assertEquals("not-found", refused.getStringProperty(PartnerMessages.REJECTION_CODE));
            // the shop cancels: the supplier hears of it
            purchasing.cancel(order.id(), "the customer's fleet went elsewhere", desktop.manager);
            agent.syncNow(Progress.NONE);
            assertEquals("PO000001", PartnerIT.json(PartnerIT.receive(outbound, PartnerMessages.PURCHASE_ORDER_CANCELLED)).getString("number"));
        }
    }}
