package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.clutch.jms.client.ShopBroker;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerVehicle;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.headoffice.EditConflict;
import org.clutch.shop.marketplace.IncomingRequest;
import org.clutch.shop.marketplace.LocalQuote;
import org.clutch.shop.marketplace.MarketplaceOrder;
import org.clutch.shop.marketplace.QuoteDraft;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncLogEntry;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.sync.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way: a shop desktop (its real core, local database and sender, with the desktop's own Artemis client)
 * works a day with the marketplace out of reach, then reconnects, and the backend on Payara applies everything into
 * PostgreSQL through the real broker. A person at head office checks the shop's stock there against the till's.
 */
class DesktopSyncIT extends DesktopDeployedApplication {

    private static final int OPERATIONS = 5_000;
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path desktopDirectory;

    @Test
    void anOfflineDayReachesTheCentralStockExactlyOnce() throws Exception {
        Fixtures.ShopUser backendShop = fixtures.activeShop("Offline Day Motors", -1.28, 36.82, 20, "TOYOTA");
        String admin = api.token(fixtures.tenantAdmin("Offline Day Admin"));
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            settings(backendShop, "tcp://127.0.0.1:" + portNobodyListensOn())
                    .save(desktop.shop.database());
            List<PartSummary> parts = List.of(desktop.part("04465-02220", "Brake pad set front", 450000, 2_000),
                    desktop.part("90915-YZZE1", "Oil filter", 95000, 3_000),
                    desktop.part("17801-0T020", "Air filter", 120000, 1_500));
            assertEquals(SyncState.Status.OFFLINE, agent.syncNow(Progress.NONE).status());

            // a fleet customer opened at the counter while offline, with a credit limit (a manager's) and a car
            Customer fleet = desktop.shop.customers().save(new Customer(null, "Kamau Fleet Services", "+254 722 000 111", null,
                    null, 5_000_000, 0, null, List.of(new CustomerVehicle(null, "TOYOTA", "Probox", 2016, "1NZ-FE", null,
                            "KDA 123A"))), desktop.manager);
            long started = System.nanoTime();
            desktop.workADay(parts, OPERATIONS);
            long worked = System.nanoTime();
            SyncState offline = agent.syncNow(Progress.NONE);
            assertEquals(SyncState.Status.OFFLINE, offline.status());
            long events = desktop.outbox().size();
            assertEquals(events, offline.waiting(), "the whole day waits in the outbox");

            settings(backendShop, System.getProperty("clutch.it.broker.url"))
                    .save(desktop.shop.database());
            long reconnected = System.nanoTime();
            SyncState online = agent.syncNow(Progress.NONE);
            long sent = System.nanoTime();
            assertEquals(SyncState.Status.ONLINE, online.status(), () -> String.valueOf(online.problem()));
            assertEquals(0, online.waiting());

            Map<String, Integer> tillStock = parts.stream().collect(Collectors.toMap(p -> p.id().toString(),
                    p -> desktop.shop.inventory().onHand(p.id())));
            String staffToken = api.token(backendShop.email());
            List<JsonObject> central = Await.until(() -> api.get("api/v1/sync/shops/" + backendShop.shopId() + "/stock", staffToken)
                    .jsonArray().getValuesAs(JsonObject.class), stock -> stock.size() == parts.size()
                    && stock.stream().allMatch(s -> s.getInt("onHand") == tillStock.get(s.getString("partId"))), WITHIN);
            System.out.printf("offline day: %d operations, %d events recorded in %.1f s; sent in %.1f s; central stock exact %.1f s after reconnecting%n",
                    OPERATIONS, events, (worked - started) / 1e9, (sent - reconnected) / 1e9, (System.nanoTime() - reconnected) / 1e9);
            for (JsonObject part : central) {
                assertEquals(tillStock.get(part.getString("partId")), part.getInt("onHand"), part.getString("name"));
            }
            assertEquals(events, Fixtures.count("SELECT count(*) FROM sync_processed_event WHERE shop_id = ?",
                    backendShop.shopId()), "every event of the day applied, each once");
            JsonObject status = api.get("api/v1/sync/shops", admin).jsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("shopId").equals(backendShop.shopId().toString())).findFirst().orElseThrow();
            assertEquals(events, status.getInt("eventsApplied"));
            assertEquals(0, status.getInt("duplicatesIgnored"));
            assertEquals(0, status.getInt("rejected"));

            JsonObject atHeadOffice = api.get("api/v1/sync/shops/" + backendShop.shopId() + "/customers", admin).jsonArray()
                    .getJsonObject(0);
            assertEquals(fleet.id().toString(), atHeadOffice.getString("customerId"));
            assertEquals("Kamau Fleet Services", atHeadOffice.getString("name"));
            assertEquals(5_000_000, atHeadOffice.getJsonNumber("creditLimitMinor").longValue());
            assertEquals("KDA 123A", atHeadOffice.getJsonArray("vehicles").getJsonObject(0).getString("plate"));
        }
    }

    @Test
    void requestsToQuoteReachTheDesktopAtOnceOnlineAndAfterBeingOffline() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser backendShop = fixtures.activeShop("Quoting Motors", -1.2676, 36.8108, 15, make);
        String customer = api.token(fixtures.customer("Quote Seeker").email());
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            // offline: the request waits on the shop's inbox
            String whileOffline = submit(customer, make, 2);
            Thread.sleep(1_000);
            assertTrue(agent.requests().open().isEmpty());

            settings(backendShop, System.getProperty("clutch.it.broker.url"))
                    .save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            Await.until(() -> agent.requests().open(), open -> open.size() == 1, WITHIN);
            IncomingRequest first = agent.requests().open().get(0);
            assertEquals(whileOffline, first.requestId().toString(), "what came while offline arrives on reconnecting");
            assertEquals("2016 " + make + " Model X", first.vehicle());
            assertEquals(List.of("Part 1", "Part 2"), first.lines().stream().map(IncomingRequest.Line::name).toList());

            // online: a new request shows without any sync run
            List<IncomingRequest> arrived = new java.util.concurrent.CopyOnWriteArrayList<>();
            agent.onIncoming(arrived::add);
            long submitted = System.nanoTime();
            String whileOnline = submit(customer, make, 1);
            // the listener may still be telling of the request that came while offline (it tells after storing it,
            // which the wait above saw): the new one is the one with its id
            Await.until(() -> arrived, list -> list.stream().anyMatch(r -> r.requestId().toString().equals(whileOnline)),
                    WITHIN);
            long millis = (System.nanoTime() - submitted) / 1_000_000;
            assertTrue(millis < 5_000, "arrived " + millis + " ms after the customer's POST");
            System.out.printf("request to quote on the desktop %d ms after the customer's POST%n", millis);
            assertEquals(2, agent.requests().open().size());
        }
    }

    @Test
    void quotesWrittenOfflineAreSubmittedOnReconnectingOrReportedBackIfTheirRequestExpired() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser backendShop = fixtures.activeShop("Offline Quote Motors", -1.2676, 36.8108, 15, make);
        String customer = api.token(fixtures.customer("Offline Quote Customer").email());
        String online = System.getProperty("clutch.it.broker.url");
        String unreachable = "tcp://127.0.0.1:" + portNobodyListensOn();
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            String kept = submit(customer, make, 2);
            String lapsing = submit(customer, make, 1);
            settings(backendShop, online).save(desktop.shop.database());
            agent.syncNow(Progress.NONE);
            Await.until(() -> agent.requests().open(), open -> open.size() == 2, WITHIN);

            // the line drops; the shop quotes both requests anyway
            settings(backendShop, unreachable).save(desktop.shop.database());
            assertEquals(SyncState.Status.OFFLINE, agent.syncNow(Progress.NONE).status());
            for (String id : List.of(kept, lapsing)) {
                IncomingRequest request = agent.requests().find(UUID.fromString(id)).orElseThrow();
                QuoteDraft draft = desktop.shop.quotes().draft(request);
                List<QuoteDraft.Line> all = draft.lines().stream().map(l -> new QuoteDraft.Line(l.requestLineId(), true, 1_250_00L))
                        .toList();
                desktop.shop.quotes().submit(new QuoteDraft(draft.requestId(), all, 150_00, 24, draft.validUntil(), "from stock"),
                        desktop.clerk);
            }
            Fixtures.makeOverdue(UUID.fromString(lapsing)); // its time runs out while the shop is offline

            settings(backendShop, online).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            LocalQuote taken = Await.until(() -> agent.requests().find(UUID.fromString(kept)).orElseThrow().quote(),
                    q -> q.status() != LocalQuote.Status.WAITING, WITHIN);
            assertEquals(LocalQuote.Status.SUBMITTED, taken.status(), taken.detail());
            assertEquals(0, new BigDecimal("3900.00").compareTo(taken.total()), "1 x 1250 + 2 x 1250 + 150 freight");
            LocalQuote refused = Await.until(() -> agent.requests().find(UUID.fromString(lapsing)).orElseThrow().quote(),
                    q -> q.status() != LocalQuote.Status.WAITING, WITHIN);
            assertEquals(LocalQuote.Status.REFUSED, refused.status());
            assertTrue(refused.detail().contains("expired"), refused.detail());

            JsonObject seen = api.get("api/v1/parts-requests/" + kept, customer).json();
            JsonObject quote = seen.getJsonArray("quotes").getJsonObject(0);
            assertEquals("from stock", quote.getString("notes"), "the customer sees the quote written offline");
            assertTrue(api.get("api/v1/parts-requests/" + lapsing, customer).json().getJsonArray("quotes").isEmpty());

            assertEquals(200, api.post("api/v1/parts-requests/" + kept + "/quotes/" + quote.getString("id") + "/accept", customer,
                    null).status());
            LocalQuote won = Await.until(() -> agent.requests().find(UUID.fromString(kept)).orElseThrow().quote(),
                    q -> q.status() == LocalQuote.Status.ACCEPTED, WITHIN);
            assertTrue(won.detail().contains("accepted"), won.detail());
            assertTrue(agent.log().recent(20).stream().anyMatch(e -> e.kind() == SyncLogEntry.Kind.QUOTE
                    && e.detail().contains("refused")), "the refusal is in the sync log");
        }
    }

    @Test
    void catalogEditsMadeAtTheShopAndAtHeadOfficeWhileApartEndTheSameOnBothSides() throws Exception {
        Fixtures.ShopUser backendShop = fixtures.activeShop("Two Sided Motors", -1.28, 36.82, 20, "TOYOTA");
        String headOffice = api.token(fixtures.tenantAdmin("Head Office"));
        String online = System.getProperty("clutch.it.broker.url");
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            PartSummary pads = desktop.part("04465-02220", "Brake pad set front", 450000, 10);
            settings(backendShop, online).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            String central = "api/v1/sync/shops/" + backendShop.shopId() + "/catalog/" + pads.id();
            Await.until(() -> api.get(central, headOffice).status(), s -> s == 200, WITHIN);

            // apart: head office renames the part and raises its price; a little later the shop renames it too
            settings(backendShop, "tcp://127.0.0.1:" + portNobodyListensOn())
                    .save(desktop.shop.database());
            assertEquals(SyncState.Status.OFFLINE, agent.syncNow(Progress.NONE).status());
            assertEquals(200, api.send("PATCH", central, headOffice, Json.createObjectBuilder()
                    .add("name", "Brake pads (head office)").add("priceMinor", 470000).build().toString()).status());
            Thread.sleep(5);
            Part part = desktop.shop.catalog().get(pads.id()).orElseThrow();
            desktop.shop.catalog().save(new Part(part.id(), part.partNumber(), part.brand(), "Brake pads (shop)", part.category(),
                    part.barcode(), part.costMinor(), part.priceMinor(), part.taxable(), part.defaultBin(), 0, 0, 0,
                    part.crossReferences(), part.fitments()), desktop.clerk);

            settings(backendShop, online).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            JsonObject atHeadOffice = Await.until(() -> api.get(central, headOffice).json(),
                    p -> p.getString("name").equals("Brake pads (shop)"), WITHIN);
            assertEquals(470000, atHeadOffice.getInt("priceMinor"), "head office's price: the shop did not change it");
            Part atTheShop = Await.until(() -> desktop.shop.catalog().get(pads.id()).orElseThrow(),
                    p -> p.priceMinor() == 470000, WITHIN);
            assertEquals("Brake pads (shop)", atTheShop.name(), "the shop renamed it later: its name stands on both sides");

            List<EditConflict> review = agent.headOffice().open();
            assertEquals(1, review.size(), "the name was changed on both sides");
            assertEquals("name", review.get(0).field());
            assertEquals(EditConflict.Side.HERE, review.get(0).keptFrom());
            assertEquals("Brake pads (head office)", review.get(0).otherValue());

            // the person at the shop prefers head office's name after all: it becomes the name on both sides
            agent.headOffice().keepOther(review.get(0).id(), desktop.clerk);
            agent.syncNow(Progress.NONE);
            Await.until(() -> api.get(central, headOffice).json().getString("name"), "Brake pads (head office)"::equals, WITHIN);
            assertEquals("Brake pads (head office)", desktop.shop.catalog().get(pads.id()).orElseThrow().name());
        }
    }

    @Test
    void customerEditsMadeAtTheShopAndAtHeadOfficeWhileApartEndTheSameOnBothSidesAndTheClashIsListed() throws Exception {
        Fixtures.ShopUser backendShop = fixtures.activeShop("Fleet Desk Motors", -1.28, 36.82, 20, "TOYOTA");
        String headOffice = api.token(fixtures.tenantAdmin("Fleet Head Office"));
        String online = System.getProperty("clutch.it.broker.url");
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            Customer fleet = desktop.shop.customers().save(new Customer(null, "Rift Valley Haulage", "0722 100 200", null, null,
                    50_000_000, 0, null, List.of(new CustomerVehicle(null, "ISUZU", "FRR", 2019, "", null, "KCB 441X"))),
                    desktop.manager);
            settings(backendShop, online).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            String central = "api/v1/sync/shops/" + backendShop.shopId() + "/customers/" + fleet.id();
            Await.until(() -> api.get(central, headOffice).status(), s -> s == 200, WITHIN);

            // apart: head office sets a new phone, an accounts address and a lower limit; a little later the counter
            // takes the driver's new number
            settings(backendShop, "tcp://127.0.0.1:" + portNobodyListensOn()).save(desktop.shop.database());
            assertEquals(SyncState.Status.OFFLINE, agent.syncNow(Progress.NONE).status());
            assertEquals(200, api.send("PATCH", central, headOffice, Json.createObjectBuilder().add("phone", "0700 000 001")
                    .add("email", "accounts@riftvalley.example").add("creditLimitMinor", 30_000_000).build().toString()).status());
            Thread.sleep(5);
            desktop.shop.customers().save(new Customer(fleet.id(), fleet.name(), "0733 900 900", fleet.email(), fleet.taxNumber(),
                    fleet.creditLimitMinor(), fleet.balanceMinor(), fleet.note(), fleet.vehicles()), desktop.clerk);

            settings(backendShop, online).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            JsonObject atHeadOffice = Await.until(() -> api.get(central, headOffice).json(),
                    c -> "0733 900 900".equals(c.getString("phone", null)), WITHIN);
            assertEquals("accounts@riftvalley.example", atHeadOffice.getString("email"), "the shop did not touch the e-mail");
            assertEquals(30_000_000, atHeadOffice.getJsonNumber("creditLimitMinor").longValue(), "nor the limit");
            Customer atTheShop = Await.until(() -> desktop.shop.customers().get(fleet.id()).orElseThrow(),
                    c -> c.creditLimitMinor() == 30_000_000, WITHIN);
            assertEquals("accounts@riftvalley.example", atTheShop.email());
            assertEquals("0733 900 900", atTheShop.phone(), "the counter's number is the later edit: it stands on both sides");
            assertEquals("KCB 441X", atTheShop.vehicles().get(0).plate());

            List<EditConflict> review = agent.headOffice().open();
            assertEquals(1, review.size(), "only the phone was changed on both sides");
            assertEquals(EditConflict.Subject.CUSTOMER, review.get(0).subject());
            assertEquals("phone", review.get(0).field());
            assertEquals(EditConflict.Side.HERE, review.get(0).keptFrom());
            assertEquals("0700 000 001", review.get(0).otherValue());
            assertTrue(agent.log().recent(20).stream().anyMatch(e -> e.kind() == SyncLogEntry.Kind.CUSTOMER
                    && e.detail().contains("Rift Valley Haulage")), "head office's change is in the sync log");

            // head office's number was right after all: taken here, it becomes the number on both sides
            agent.headOffice().keepOther(review.get(0).id(), desktop.clerk);
            agent.syncNow(Progress.NONE);
            Await.until(() -> api.get(central, headOffice).json().getString("phone", null), "0700 000 001"::equals, WITHIN);
            assertEquals("0700 000 001", desktop.shop.customers().get(fleet.id()).orElseThrow().phone());
            assertTrue(agent.headOffice().open().isEmpty());
        }
    }

    @Test
    void anAcceptedQuoteBecomesAnOrderOnTheDesktopThatSetsItsPartsAsideUntilCancelled() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser backendShop = fixtures.activeShop("Order Desk Motors", -1.2676, 36.8108, 15, make);
        String customer = api.token(fixtures.customer("Order Desk Customer").email());
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            PartSummary pads = desktop.part("04465-02220", "Brake pad set front", 450000, 6);
            settings(backendShop, System.getProperty("clutch.it.broker.url")).save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            String orderId = orderFromTheDesktopsQuote(desktop, agent, make, customer);

            MarketplaceOrder order = Await.until(() -> agent.orders().find(UUID.fromString(orderId)), java.util.Optional::isPresent,
                    WITHIN).orElseThrow();
            assertEquals("AWAITING_PAYMENT", order.status());
            assertEquals(2, order.lines().get(0).reserved());
            assertEquals(4, desktop.shop.inventory().onHandByBin(pads.id()).get("A-01"), "the till no longer sells the two");
            agent.syncNow(Progress.NONE);
            String staff = api.token(backendShop.email());
            JsonObject central = Await.until(() -> api.get("api/v1/sync/shops/" + backendShop.shopId() + "/stock", staff).jsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("partId").equals(pads.id().toString()))
                    .findFirst().orElse(null), p -> p != null && p.getInt("movements") == 3, WITHIN); // opening + the two of the reservation
            assertEquals(6, central.getInt("onHand"), "still the shop's, set aside: head office counts 6");

            assertEquals(200, api.post("api/v1/orders/" + orderId + "/cancellation", customer,
                    Json.createObjectBuilder().add("reason", "found it elsewhere").build()).status());
            Await.until(() -> agent.orders().find(UUID.fromString(orderId)).orElseThrow().status(), "CANCELLED"::equals, WITHIN);
            assertEquals(6, desktop.shop.inventory().onHandByBin(pads.id()).get("A-01"), "back on the shelf");
            assertTrue(agent.log().recent(20).stream().anyMatch(e -> e.kind() == SyncLogEntry.Kind.ORDER
                    && e.detail().contains("set aside")), "the order is in the sync log");
        }
    }

    @Test
    void theShopPreparesAndShipsAnOrderOnItsDesktopAndAStepTakenOfflineAfterTheCustomerCancelledComesBackRefused()
            throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser backendShop = fixtures.activeShop("Dispatch Desk Motors", -1.2676, 36.8108, 15, make);
        String customer = api.token(fixtures.customer("Dispatch Desk Customer").email());
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory);
             SyncAgent agent = new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                     s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE)) {
            PartSummary pads = desktop.part("04465-02220", "Brake pad set front", 450000, 6);
            SyncSettings online = settings(backendShop, System.getProperty("clutch.it.broker.url"));
            online.save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());

            UUID shipped = UUID.fromString(orderFromTheDesktopsQuote(desktop, agent, make, customer));
            OrdersIT.ok(api.post("api/v1/orders/" + shipped + "/payment", customer, OrdersIT.cardPayment(OrdersIT.GOOD_CARD)));
            awaitStatus(agent, shipped, "PAID");
            agent.orders().takeStep(shipped, MarketplaceOrder.Step.PROCESSING, null, null, desktop.clerk);
            agent.syncNow(Progress.NONE);
            awaitStatus(agent, shipped, "PROCESSING");
            agent.orders().takeStep(shipped, MarketplaceOrder.Step.READY, null, null, desktop.clerk);
            agent.syncNow(Progress.NONE);
            awaitStatus(agent, shipped, "READY");
            agent.orders().takeStep(shipped, MarketplaceOrder.Step.SHIPPED, "G4S Courier", "G4S-778812", desktop.clerk);
            agent.syncNow(Progress.NONE);
            assertNull(awaitStatus(agent, shipped, "SHIPPED").requestedStep());
            JsonObject seenByCustomer = api.get("api/v1/orders/" + shipped, customer).json();
            assertEquals("SHIPPED", seenByCustomer.getString("status"));
            assertEquals("G4S Courier", seenByCustomer.getString("carrier"));
            assertEquals("G4S-778812", seenByCustomer.getString("trackingNumber"));
            assertEquals(4, desktop.shop.inventory().onHand(pads.id()), "the two pads left with the order");

            // the shop starts preparing a second order while offline; the customer cancels it meanwhile
            UUID cancelled = UUID.fromString(orderFromTheDesktopsQuote(desktop, agent, make, customer));
            OrdersIT.ok(api.post("api/v1/orders/" + cancelled + "/payment", customer, OrdersIT.cardPayment(OrdersIT.GOOD_CARD)));
            awaitStatus(agent, cancelled, "PAID");
            settings(backendShop, "tcp://127.0.0.1:" + portNobodyListensOn()).save(desktop.shop.database());
            assertEquals(SyncState.Status.OFFLINE, agent.syncNow(Progress.NONE).status());
            agent.orders().takeStep(cancelled, MarketplaceOrder.Step.PROCESSING, null, null, desktop.clerk);
            assertEquals(200, api.post("api/v1/orders/" + cancelled + "/cancellation", customer,
                    Json.createObjectBuilder().add("reason", "found it elsewhere").build()).status());
            online.save(desktop.shop.database());
            assertEquals(SyncState.Status.ONLINE, agent.syncNow(Progress.NONE).status());
            MarketplaceOrder refused = Await.until(() -> agent.orders().find(cancelled).orElseThrow(),
                    o -> o.stepRefusal() != null, WITHIN);
            assertEquals("CANCELLED", refused.status());
            assertNull(refused.requestedStep());
            assertTrue(refused.stepRefusal().contains("cancelled"), refused.stepRefusal());
            assertEquals(4, desktop.shop.inventory().onHand(pads.id()), "the cancelled order's pads are back on the shelf");
            assertEquals("CANCELLED", api.get("api/v1/orders/" + cancelled, customer).json().getString("status"), "still cancelled");

            agent.syncNow(Progress.NONE);
            String staff = api.token(backendShop.email());
            Await.until(() -> api.get("api/v1/sync/shops/" + backendShop.shopId() + "/stock", staff).jsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("partId").equals(pads.id().toString()))
                    .findFirst().map(p -> p.getInt("onHand")).orElse(-1), n -> n == 4, WITHIN);
        }
    }

    private static MarketplaceOrder awaitStatus(SyncAgent agent, UUID orderId, String status) throws InterruptedException {
        return Await.until(() -> agent.orders().find(orderId).orElse(null), o -> o != null && status.equals(o.status()), WITHIN);
    }

    /** A customer asks for two pads, the desktop quotes them from its shelf, the customer accepts: the order's id. */
    private String orderFromTheDesktopsQuote(DesktopShop desktop, SyncAgent agent, String make, String customer)
            throws InterruptedException {
        JsonObject body = Json.createObjectBuilder(MarketplaceIT.partsRequest(make, 0).build()).add("lines", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "Brake pads").add("partNumber", "04465-02220").add("quantity", 2)))
                .build();
        String requestId = api.post("api/v1/parts-requests", customer, body).json().getString("id");
        IncomingRequest request = Await.until(() -> agent.requests().find(UUID.fromString(requestId)), java.util.Optional::isPresent,
                WITHIN).orElseThrow();
        desktop.shop.quotes().submit(desktop.shop.quotes().draft(request), desktop.clerk); // from the shelf, as is
        agent.syncNow(Progress.NONE);
        String quoteId = Await.until(() -> api.get("api/v1/parts-requests/" + requestId, customer).json().getJsonArray("quotes"),
                q -> !q.isEmpty(), WITHIN).getJsonObject(0).getString("id");
        JsonObject accepted = api.post("api/v1/parts-requests/" + requestId + "/quotes/" + quoteId + "/accept", customer, null).json();
        return accepted.getString("orderId");
    }

    private String submit(String customerToken, String make, int lines) {
        Api.Reply created = api.post("api/v1/parts-requests", customerToken, MarketplaceIT.partsRequest(make, lines).build());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
