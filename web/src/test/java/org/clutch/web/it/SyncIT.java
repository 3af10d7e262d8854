package org.clutch.web.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.clutch.jms.CatalogFields;
import org.clutch.jms.CustomerFields;
import org.clutch.jms.Destinations;
import org.clutch.jms.HybridClock;
import org.clutch.jms.SyncEvent;
import org.clutch.jms.SyncMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shop desktop's changes reaching the backend through Artemis, as the desktop's sender puts them on the inbound
 * queue: applied once into the shop's central catalog and stock, whatever is sent twice; what cannot be applied goes
 * to the rejected queue with its reason and the rest keeps flowing; each tenant sees only its own shops' sync.
 */
class SyncIT extends DeployedApplication {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final Instant MORNING = Instant.parse("2026-11-20T07:00:00Z");

    /** As the backend connects: its own broker account may use every address. */
    private final ConnectionFactory broker = new ActiveMQConnectionFactory(System.getProperty("clutch.it.broker.url"),
            IntegrationServices.BROKER_USER, IntegrationServices.BROKER_PASSWORD);
    private Fixtures.ShopUser shop;
    private String admin;

    @BeforeEach
    void shopWithADesktop() {
        shop = fixtures.activeShop("Synced Motors", -1.28, 36.82, 20, "TOYOTA");
        admin = api.token(fixtures.tenantAdmin("Sync Admin"));
    }

    @Test
    void aShopsChangesBecomeItsCentralCatalogAndStockExactlyOnce() throws Exception {
        UUID pads = UUID.randomUUID();
        SyncEvent padsSaved = partSaved(pads, "04465-02220", "Brake pad set front", 450000, MORNING);
        SyncEvent received = stockMoved(pads, 10, "RECEIPT", MORNING.plusSeconds(60));
        SyncEvent sold = stockMoved(pads, -2, "SALE", MORNING.plusSeconds(120));
        // an edit made later on the desktop but arriving first, and the older one after it
        SyncEvent renamed = partSaved(pads, "04465-02220", "Brake pad set front (ceramic)", 480000, MORNING.plusSeconds(300));
        send(padsSaved, received, sold, renamed, partSaved(pads, "04465-02220", "old name", 1, MORNING.plusSeconds(200)));
        // the desktop resends an event whose confirmation it never saw, after the broker forgot its id
        sendWithoutDuplicateDetection(sold);

        List<JsonObject> stock = awaitStock(s -> s.size() == 1 && s.get(0).getInt("movements") == 2);
        assertEquals(8, stock.get(0).getInt("onHand"), "10 received, 2 sold, the resent sale not counted again");
        assertEquals("Brake pad set front (ceramic)", stock.get(0).getString("name"), "the latest edit wins");
        assertEquals(pads.toString(), stock.get(0).getString("partId"));

        JsonObject status = awaitStatus(s -> s.getInt("duplicatesIgnored") == 1);
        assertEquals(5, status.getInt("eventsApplied"));
        assertEquals(0, status.getInt("rejected"));
        assertEquals(Instant.parse("2026-11-20T07:05:00Z"), OffsetDateTime.parse(status.getString("lastChangeMadeAt")).toInstant());
        assertEquals(5, Fixtures.count("SELECT count(*) FROM sync_processed_event WHERE shop_id = ?", shop.shopId()));
    }

    @Test
    void whatCannotBeAppliedIsRejectedWithItsReasonAndTheRestKeepsFlowing() throws Exception {
        UUID part = UUID.randomUUID();
        SyncEvent unknownType = event("catalog.part-teleported", 1, part, "{}", MORNING);
        SyncEvent newerThanKnown = event("inventory.stock-moved", 9, part, "{}", MORNING);
        SyncEvent badPayload = event("inventory.stock-moved", 1, part,
                "{\"movementId\":\"" + UUID.randomUUID() + "\",\"partId\":\"" + part + "\",\"bin\":\"A-1\",\"quantity\":0,"
                        + "\"reason\":\"SALE\",\"movedAt\":\"" + MORNING + "\"}", MORNING);
        SyncEvent otherShop = new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), "inventory.stock-moved", 1, part,
                MORNING, "{}");
        String garbageId = UUID.randomUUID().toString();
        SyncEvent good = stockMoved(part, 3, "ADJUSTMENT", MORNING);
        try (JMSContext jms = broker.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = jms.createProducer();
            for (SyncEvent e : List.of(unknownType, newerThanKnown, badPayload, otherShop)) {
                producer.send(jms.createQueue(Destinations.SYNC_INBOUND), message(jms, e));
            }
            TextMessage garbage = jms.createTextMessage("not a sync event at all");
            garbage.setStringProperty(SyncMessages.EVENT_ID, garbageId);
            producer.send(jms.createQueue(Destinations.SYNC_INBOUND), garbage);
            producer.send(jms.createQueue(Destinations.SYNC_INBOUND), message(jms, good));
            jms.commit();
        }

        assertEquals(3, awaitStock(s -> !s.isEmpty()).get(0).getInt("onHand"), "the good event after them is applied");
        assertEquals("unknown event type catalog.part-teleported", rejectionReason(unknownType.eventId().toString()));
        assertEquals("inventory.stock-moved version 9 is not accepted (accepted: [1])", rejectionReason(newerThanKnown.eventId().toString()));
        assertEquals("payload field quantity must be a whole number other than 0", rejectionReason(badPayload.eventId().toString()));
        assertEquals("unknown shop " + otherShop.shopId(), rejectionReason(otherShop.eventId().toString()));
        assertEquals("missing " + SyncMessages.VERSION, rejectionReason(garbageId));

        JsonObject status = awaitStatus(s -> s.getInt("rejected") == 3);
        assertEquals(1, status.getInt("eventsApplied"));
        assertFalse(status.getString("lastRejection").isBlank());
        assertEquals(0, Fixtures.count("SELECT count(*) FROM sync_processed_event WHERE event_id IN (?, ?, ?)",
                unknownType.eventId(), newerThanKnown.eventId(), badPayload.eventId()), "nothing of them was recorded");
    }

    @Test
    void eachTenantSeesOnlyItsOwnShopsSync() throws Exception {
        send(stockMoved(UUID.randomUUID(), 1, "ADJUSTMENT", MORNING));
        awaitStatus(s -> s.getInt("eventsApplied") == 1);

        Fixtures stranger = new Fixtures();
        Fixtures.ShopUser strangersShop = stranger.activeShop("Elsewhere Spares", -1.3, 36.8, 10, "NISSAN");
        String strangerAdmin = api.token(stranger.tenantAdmin("Other Admin"));
        List<String> seen = api.get("api/v1/sync/shops", strangerAdmin).jsonArray().getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("shopId")).toList();
        assertEquals(List.of(strangersShop.shopId().toString()), seen);
        assertEquals(404, api.get("api/v1/sync/shops/" + shop.shopId() + "/stock", strangerAdmin).status());
        assertEquals(404, api.get("api/v1/sync/shops/" + shop.shopId() + "/stock", api.token(strangersShop.email())).status());
        assertEquals(200, api.get("api/v1/sync/shops/" + shop.shopId() + "/stock", api.token(shop.email())).status());
        assertEquals(403, api.get("api/v1/sync/shops", api.token(shop.email())).status(), "status is for admins");
    }

    @Test
    void aRequestDispatchedToTheShopWaitsOnItsOwnInboxForTheDesktop() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser inRange = fixtures.activeShop("Inbox Motors", -1.2676, 36.8108, 15, make);
        Fixtures.ShopUser otherMake = fixtures.activeShop("Other Make Motors", -1.2676, 36.8108, 15, fixtures.uniqueMake("NISSAN"));
        String customer = api.token(fixtures.customer("Inbox Customer").email());
        Api.Reply created = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 2).build());
        assertEquals(201, created.status(), created.toString());
        String requestId = created.json().getString("id");

        try (JMSContext jms = broker.createContext();
             JMSConsumer inbox = jms.createConsumer(jms.createQueue(Destinations.shopInbox(inRange.shopId())))) {
            Message message = inbox.receive(10_000);
            assertNotNull(message, "the request reaches the shop's inbox");
            SyncEvent event = SyncMessages.read(message);
            assertEquals("marketplace.quote-requested", event.type());
            assertEquals(inRange.shopId(), event.shopId());
            assertEquals(requestId, event.subjectId().toString());
            assertTrue(message.getJMSExpiration() > System.currentTimeMillis(), "it expires with the request");
            JsonObject shopView = Json.createReader(new java.io.StringReader(event.payload())).readObject();
            JsonObject request = shopView.getJsonObject("request");
            assertEquals(requestId, request.getString("id"));
            assertEquals(make, request.getJsonObject("vehicle").getString("make"));
            assertEquals(2, request.getJsonArray("lines").size());
            assertEquals("Part 2", request.getJsonArray("lines").getJsonObject(1).getString("name"));
            assertTrue(request.getJsonArray("quotes").isEmpty(), "no other shop's quote");
            assertTrue(shopView.getJsonNumber("distanceKm").doubleValue() < 15);
            assertEquals(withoutNulls(api.get("api/v1/shop/requests/" + requestId, api.token(inRange.email())).json()
                    .getJsonObject("request").getJsonArray("lines")), withoutNulls(request.getJsonArray("lines")),
                    "the same request the shop reads over REST (which leaves out empty fields)");
        }
        try (JMSContext jms = broker.createContext();
             JMSConsumer inbox = jms.createConsumer(jms.createQueue(Destinations.shopInbox(otherMake.shopId())))) {
            assertEquals(null, inbox.receive(500), "a shop without the make gets nothing");
        }
    }

    @Test
    void eachShopsBrokerAccountReachesOnlyTheInboundQueueAndItsOwnInbox() throws Exception {
        Fixtures.ShopUser neighbour = fixtures.activeShop("Neighbour Motors", -1.28, 36.82, 20, "TOYOTA");
        String account = "api/v1/sync/shops/" + shop.shopId() + "/broker-account";
        JsonObject issued = api.post(account, admin, null).json();
        assertEquals("shop-" + shop.shopId(), issued.getString("username"));
        assertEquals(Destinations.SYNC_INBOUND, issued.getString("sendTo"));
        assertEquals(Destinations.shopInbox(shop.shopId()), issued.getString("readFrom"));
        String password = issued.getString("password");
        assertEquals(null, api.get(account, admin).json().getString("password", null), "the password is in the issuing answer only");
        assertEquals(403, api.post(account, api.token(shop.email()), null).status(), "issued by admins, not by the shop");
        String url = System.getProperty("clutch.it.broker.url");
        ConnectionFactory asShop = new ActiveMQConnectionFactory(url, issued.getString("username"), password);

        try (JMSContext jms = asShop.createContext()) {
            jms.createConsumer(jms.createQueue(Destinations.shopInbox(shop.shopId()))).close(); // its own inbox
            JMSRuntimeException othersInbox = assertThrows(JMSRuntimeException.class,
                    () -> jms.createConsumer(jms.createQueue(Destinations.shopInbox(neighbour.shopId()))));
            assertTrue(othersInbox.getMessage().contains("permission"), othersInbox.getMessage());
            assertThrows(JMSRuntimeException.class,
                    () -> jms.createProducer().send(jms.createQueue(Destinations.QUOTE_REQUESTS), "not a shop's to send"));
        }
        send(asShop, stockMoved(UUID.randomUUID(), 3, "RECEIPT", MORNING));
        awaitStatus(s -> s.getInt("eventsApplied") == 1);
        SyncEvent forTheNeighbour = new SyncEvent(UUID.randomUUID(), neighbour.shopId(), "inventory.stock-moved", 1,
                UUID.randomUUID(), MORNING, stockMoved(UUID.randomUUID(), 500, "RECEIPT", MORNING).payload());
        send(asShop, forTheNeighbour);
        assertTrue(rejectionReason(forTheNeighbour.eventId().toString()).contains("for another shop"),
                "a shop speaks only for itself");
        assertEquals(0, Fixtures.count("SELECT count(*) FROM shop_stock_movement WHERE shop_id = ?", neighbour.shopId()));

        assertThrows(JMSRuntimeException.class, () -> new ActiveMQConnectionFactory(url, issued.getString("username"), "guess")
                .createContext().close(), "a wrong password is refused");
        String reissued = api.post(account, admin, null).json().getString("password");
        assertThrows(JMSRuntimeException.class, () -> asShop.createContext().close(), "the old password stops working");
        ConnectionFactory withNewPassword = new ActiveMQConnectionFactory(url, issued.getString("username"), reissued);
        withNewPassword.createContext().close();
        assertEquals(200, api.delete(account, admin).status());
        assertThrows(JMSRuntimeException.class, () -> withNewPassword.createContext().close(), "a revoked account cannot connect");
        assertTrue(api.get(account, admin).json().containsKey("revokedAt"));
    }

    @Test
    void whatExpiredOnAShopsInboxIsDroppedNotKeptInTheExpiryQueue() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext jms = broker.createContext()) {
            TextMessage stale = jms.createTextMessage("{}");
            stale.setStringProperty("testMarker", marker);
            jms.createProducer().setTimeToLive(200).send(jms.createQueue(Destinations.shopInbox(shop.shopId())), stale);
        }
        Thread.sleep(700);
        String onlyIt = "testMarker = '" + marker + "'";
        try (JMSContext jms = broker.createContext();
             JMSConsumer inbox = jms.createConsumer(jms.createQueue(Destinations.shopInbox(shop.shopId())), onlyIt);
             JMSConsumer expired = jms.createConsumer(jms.createQueue(Destinations.EXPIRED), onlyIt)) {
            assertEquals(null, inbox.receive(1_000), "the desktop never gets what expired");
            assertEquals(null, expired.receive(1_000), "and it is not kept anywhere");
        }
    }

    @Test
    void aQuoteWrittenOnTheDesktopReachesTheCustomerAndItsOutcomesComeBackOnTheInbox() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser quoting = fixtures.activeShop("Desk Quote Motors", -1.2676, 36.8108, 15, make);
        String customer = api.token(fixtures.customer("Desk Quote Customer").email());
        JsonObject request = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 2).build()).json();
        String requestId = request.getString("id");
        Await.until(() -> api.get("api/v1/shop/requests/" + requestId, api.token(quoting.email())).status(), s -> s == 200, WITHIN);

        SyncEvent quoted = quoteSubmitted(quoting.shopId(), request, "1500.00");
        send(quoted);
        JsonObject taken = outcome(quoting.shopId(), requestId);
        assertEquals("SUBMITTED", taken.getString("status"), taken.toString());
        assertEquals(quoted.eventId().toString(), taken.getString("submissionId"), "it answers the desktop's event");
        assertEquals(0, new java.math.BigDecimal("4700.00").compareTo(taken.getJsonNumber("total").bigDecimalValue()),
                "1 x 1500 + 2 x 1500 + 200 freight");
        JsonObject seen = api.get("api/v1/parts-requests/" + requestId, customer).json();
        assertEquals(1, seen.getJsonArray("quotes").size(), "the customer sees the desktop's quote");
        String quoteId = seen.getJsonArray("quotes").getJsonObject(0).getString("id");
        assertEquals(taken.getString("quoteId"), quoteId);

        assertEquals(200, api.post("api/v1/parts-requests/" + requestId + "/quotes/" + quoteId + "/accept", customer, null).status());
        JsonObject won = outcome(quoting.shopId(), requestId);
        assertEquals("ACCEPTED", won.getString("status"), won.toString());
        assertTrue(won.isNull("submissionId"));

        // written offline for a request that the customer cancelled meanwhile: refused, with why, and nothing changes
        JsonObject cancelled = api.post("api/v1/parts-requests", customer, MarketplaceIT.partsRequest(make, 1).build()).json();
        String cancelledId = cancelled.getString("id");
        Await.until(() -> api.get("api/v1/shop/requests/" + cancelledId, api.token(quoting.email())).status(), s -> s == 200,
                WITHIN);
        assertEquals(200, api.post("api/v1/parts-requests/" + cancelledId + "/cancel", customer, null).status());
        SyncEvent late = quoteSubmitted(quoting.shopId(), cancelled, "99.00");
        send(late);
        JsonObject refused = outcome(quoting.shopId(), cancelledId);
        assertEquals("REFUSED", refused.getString("status"), refused.toString());
        assertEquals(late.eventId().toString(), refused.getString("submissionId"));
        assertTrue(refused.getString("detail").contains("cancelled and can no longer be quoted"), refused.toString());
        assertTrue(api.get("api/v1/parts-requests/" + cancelledId, customer).json().getJsonArray("quotes").isEmpty());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM sync_processed_event WHERE event_id = ?", late.eventId()),
                "a refusal answers the event: it is not sent again");
    }

    @Test
    void editsMadeOnBothSidesWhileApartMergeFieldByFieldTheLaterEditWinning() throws Exception {
        UUID pads = UUID.randomUUID();
        long morning = HybridClock.of(MORNING);
        send(partSavedV2(pads, "Brake pad set front", "Brakes", 450000, stamps(morning, morning, morning)));
        String part = "api/v1/sync/shops/" + shop.shopId() + "/catalog/" + pads;
        Await.until(() -> api.get(part, admin).status(), s -> s == 200, WITHIN);

        // head office raises the price and renames the part
        Api.Reply edited = api.send("PATCH", part, admin, Json.createObjectBuilder().add("priceMinor", 470000)
                .add("name", "Brake pad set front (OEM)").build().toString());
        assertEquals(200, edited.status(), edited.toString());
        long headOffice = edited.json().getJsonObject("stamps").getJsonNumber("priceMinor").longValue();
        assertTrue(headOffice > morning);
        JsonObject told = inboxMessage(shop.shopId(), "catalog.part-changed", pads.toString());
        assertEquals(470000, told.getJsonObject("values").getInt("priceMinor"));
        assertEquals(morning, told.getJsonObject("replaced").getJsonNumber("priceMinor").longValue(),
                "the desktop learns which version head office changed");
        assertFalse(told.getJsonObject("values").containsKey("category"), "only what changed");

        // meanwhile the desktop renamed it too (earlier than head office) and changed its category (later)
        send(partSavedV2(pads, "Brake pads (desk)", "Brakes & discs", 450000,
                stamps(morning + 1, headOffice + 1, morning)));
        JsonObject merged = Await.until(() -> api.get(part, admin).json(),
                p -> p.getString("category").equals("Brakes & discs"), WITHIN);
        assertEquals("Brake pad set front (OEM)", merged.getString("name"), "head office renamed it later");
        assertEquals(470000, merged.getInt("priceMinor"), "the desktop did not touch the price");

        // an event of the previous version, without stamps, is still taken: its fields carry the time of the edit
        SyncEvent older = partSaved(pads, "04465-02220", "Brake pads (v1 desktop)", 480000, Instant.now().plusSeconds(5));
        send(older);
        JsonObject afterV1 = Await.until(() -> api.get(part, admin).json(),
                p -> p.getString("name").equals("Brake pads (v1 desktop)"), WITHIN);
        assertEquals(480000, afterV1.getInt("priceMinor"));

        assertEquals(403, api.get(part, api.token(shop.email())).status(), "head office's view is for admins");
        assertEquals(400, api.send("PATCH", part, admin, "{}").status(), "nothing to change");
        assertEquals(400, api.send("PATCH", part, admin, "{\"priceMinor\": -1}").status());
        Fixtures stranger = new Fixtures();
        assertEquals(404, api.send("PATCH", part, api.token(stranger.tenantAdmin("Stranger HO")), "{\"name\": \"x\"}").status(),
                "another tenant's shop is unknown");
    }

    @Test
    void aShopThatOptedInQuotesAtOnceFromItsSyncedShelfAtItsOwnPrices() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser auto = fixtures.activeShop("Auto Quote Motors", -1.2676, 36.8108, 15, make);
        Fixtures.ShopUser manual = fixtures.activeShop("Hand Quote Motors", -1.2676, 36.8108, 15, make);
        Api.Reply optedIn = api.put("api/v1/shops/" + auto.shopId() + "/pricing", admin, Json.createObjectBuilder()
                .add("strategy", "LIST_MINUS").add("percent", 10).add("autoQuote", true).build());
        assertEquals(200, optedIn.status(), optedIn.toString());
        assertTrue(optedIn.json().getBoolean("autoQuote"));
        JsonObject settings = inboxMessage(auto.shopId(), "shops.settings-changed", auto.shopId().toString());
        assertTrue(settings.getBoolean("autoQuote"), "the shop's desktop hears of its new settings");
        assertEquals("LIST_MINUS", settings.getString("pricingStrategy"));
        assertEquals("ACTIVE", settings.getString("status"));
        for (Fixtures.ShopUser shelf : List.of(auto, manual)) { // both desktops synced the same shelf
            UUID pads = UUID.randomUUID();
            UUID filter = UUID.randomUUID();
            send(forShop(shelf.shopId(), partSaved(pads, "04465-02220", "Brake pad set front", 450000, MORNING)),
                    forShop(shelf.shopId(), stockMoved(pads, 5, "RECEIPT", MORNING)),
                    forShop(shelf.shopId(), partSaved(filter, "90915-YZZE1", "Oil filter", 95000, MORNING)),
                    forShop(shelf.shopId(), stockMoved(filter, 1, "RECEIPT", MORNING)));
        }
        Await.until(() -> Fixtures.count("SELECT count(*) FROM shop_stock_movement WHERE shop_id IN (?, ?)", auto.shopId(),
                manual.shopId()), n -> n == 4, WITHIN);

        String customer = api.token(fixtures.customer("Auto Quote Customer").email());
        JsonObject body = Json.createObjectBuilder(MarketplaceIT.partsRequest(make, 0).build()).add("lines", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "Brake pads").add("partNumber", "04465-02220").add("quantity", 2))
                .add(Json.createObjectBuilder().add("name", "Oil filter").add("partNumber", " 90915-yzze1").add("quantity", 2))
                .add(Json.createObjectBuilder().add("name", "Wiper blades").add("quantity", 1))).build();
        long posted = System.nanoTime();
        JsonObject request = api.post("api/v1/parts-requests", customer, body).json();
        String requestId = request.getString("id");
        List<JsonObject> quotes = Await.until(() -> api.get("api/v1/parts-requests/" + requestId, customer).json()
                .getJsonArray("quotes").getValuesAs(JsonObject.class), q -> !q.isEmpty(), WITHIN);
        System.out.printf("automatic quote seen by the customer %d ms after the POST%n", (System.nanoTime() - posted) / 1_000_000);

        JsonObject quote = quotes.get(0);
        assertEquals("Auto Quote Motors", quote.getString("shopName"));
        Map<String, JsonObject> answerTo = new java.util.HashMap<>();
        quote.getJsonArray("lines").getValuesAs(JsonObject.class).forEach(l -> answerTo.put(l.getString("requestLineId"), l));
        List<JsonObject> lines = request.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .sorted(java.util.Comparator.comparingInt(l -> l.getInt("lineNo"))).map(l -> answerTo.get(l.getString("id"))).toList();
        assertTrue(lines.get(0).getBoolean("available"));
        assertEquals(0, new java.math.BigDecimal("4050.00").compareTo(lines.get(0).getJsonNumber("unitPrice").bigDecimalValue()),
                "list price 4,500 less the shop's 10%");
        assertFalse(lines.get(1).getBoolean("available"), "one filter on the shelf, two asked");
        assertFalse(lines.get(2).getBoolean("available"), "no part number to look up");
        assertEquals(0, new java.math.BigDecimal("8100.00").compareTo(quote.getJsonNumber("total").bigDecimalValue()));
        assertEquals(2, quote.getJsonArray("missingLineIds").size());
        JsonObject told = outcome(auto.shopId(), requestId);
        assertEquals("SUBMITTED", told.getString("status"));
        assertTrue(told.getString("detail").startsWith("Quoted automatically"), told.toString());
        Thread.sleep(500);
        assertEquals(1, api.get("api/v1/parts-requests/" + requestId, customer).json().getJsonArray("quotes").size(),
                "the shop that did not opt in quotes by hand");
    }

    // ---- the desktop's side ---------------------------------------------------------------------------------------

    private SyncEvent partSaved(UUID partId, String number, String name, long priceMinor, Instant at) {
        String payload = Json.createObjectBuilder().add("partId", partId.toString()).add("partNumber", number)
                .add("brand", "Toyota").add("name", name).add("category", "Brakes").add("barcode", "")
                .add("costMinor", 1).add("priceMinor", priceMinor).add("taxable", true).add("staff", "amina")
                .build().toString();
        return event("catalog.part-saved", 1, partId, payload, at);
    }

    private SyncEvent stockMoved(UUID partId, int quantity, String reason, Instant at) {
        UUID movement = UUID.randomUUID();
        JsonObjectBuilder payload = Json.createObjectBuilder().add("movementId", movement.toString())
                .add("partId", partId.toString()).add("bin", "A-01").add("quantity", quantity).add("reason", reason)
                .add("reference", "S-1").add("note", "").add("staff", "amina").add("movedAt", at.toString());
        return event("inventory.stock-moved", 1, movement, payload.build().toString(), at);
    }

    private static List<JsonObject> withoutNulls(jakarta.json.JsonArray objects) {
        return objects.getValuesAs(JsonObject.class).stream().map(o -> {
            JsonObjectBuilder kept = Json.createObjectBuilder();
            o.forEach((name, value) -> {
                if (value != jakarta.json.JsonValue.NULL) {
                    kept.add(name, value);
                }
            });
            return kept.build();
        }).toList();
    }

    private static Map<String, Long> stamps(long name, long category, long price) {
        Map<String, Long> stamps = new java.util.LinkedHashMap<>();
        for (String field : CatalogFields.ALL) {
            stamps.put(field, HybridClock.of(MORNING));
        }
        stamps.put(CatalogFields.NAME, name);
        stamps.put(CatalogFields.CATEGORY, category);
        stamps.put(CatalogFields.PRICE, price);
        return stamps;
    }

    private SyncEvent partSavedV2(UUID partId, String name, String category, long priceMinor, Map<String, Long> stamps) {
        JsonObjectBuilder given = Json.createObjectBuilder();
        stamps.forEach(given::add);
        String payload = Json.createObjectBuilder().add("partId", partId.toString()).add("partNumber", "04465-02220")
                .add("brand", "Toyota").add("name", name).add("category", category).add("barcode", "")
                .add("costMinor", 1).add("priceMinor", priceMinor).add("taxable", true).add("staff", "amina")
                .add("stamps", given).build().toString();
        return event("catalog.part-saved", 2, partId, payload, MORNING);
    }

    /** The next message of the type about the subject on the shop's inbox. */
    private JsonObject inboxMessage(UUID shopId, String type, String subjectId) throws JMSException {
        try (JMSContext jms = broker.createContext();
             JMSConsumer inbox = jms.createConsumer(jms.createQueue(Destinations.shopInbox(shopId)),
                     SyncMessages.TYPE + " = '" + type + "' AND " + SyncMessages.SUBJECT_ID + " = '" + subjectId + "'")) {
            Message message = inbox.receive(10_000);
            assertNotNull(message, type + " about " + subjectId + " reaches the shop's inbox");
            return Json.createReader(new java.io.StringReader(SyncMessages.read(message).payload())).readObject();
        }
    }

    @Test
    void aShopsCustomersAreMirroredForHeadOfficeTheLatestEditWinning() throws Exception {
        UUID wanjiru = UUID.randomUUID();
        UUID fielder = UUID.randomUUID();
        String customers = "api/v1/sync/shops/" + shop.shopId() + "/customers";
        // saved at noon with her car and a credit limit; the morning's first save arrives after it
        send(customerSaved(wanjiru, "Wanjiru Kamau", "+254 722 000 111", 5_000_000, vehicle(fielder, "KDA 123A"),
                        MORNING.plusSeconds(5 * 3600)),
                customerSaved(wanjiru, "Wanjiru", "", 0, Json.createArrayBuilder(), MORNING));
        SyncEvent noName = customerSaved(UUID.randomUUID(), "", "", 0, Json.createArrayBuilder(), MORNING);
        send(noName);

        awaitStatus(st -> st.getInt("eventsApplied") == 2 && st.getInt("rejected") == 1);
        jakarta.json.JsonArray mirrored = api.get(customers, admin).jsonArray();
        assertEquals(1, mirrored.size(), mirrored.toString());
        JsonObject customer = mirrored.getJsonObject(0);
        assertEquals(wanjiru.toString(), customer.getString("customerId"));
        assertEquals("Wanjiru Kamau", customer.getString("name"), "the later edit wins, whatever arrived last");
        assertEquals("+254 722 000 111", customer.getString("phone"));
        assertEquals(5_000_000, customer.getJsonNumber("creditLimitMinor").longValue());
        JsonObject car = customer.getJsonArray("vehicles").getJsonObject(0);
        assertEquals("KDA 123A", car.getString("plate"));
        assertEquals(fielder.toString(), car.getString("id"));
        assertEquals(HybridClock.of(MORNING.plusSeconds(5 * 3600)), customer.getJsonObject("stamps").getJsonNumber("name").longValue());
        assertEquals("payload field name must be a non-empty string", rejectionReason(noName.eventId().toString()));

        // a later save without the phone and the car: they are gone centrally too
        send(customerSaved(wanjiru, "Wanjiru Kamau", "", 5_000_000, Json.createArrayBuilder(), MORNING.plusSeconds(6 * 3600)));
        JsonObject changed = Await.until(() -> api.get(customers, admin).jsonArray().getJsonObject(0),
                c -> c.getJsonArray("vehicles").isEmpty(), WITHIN);
        assertEquals(jakarta.json.JsonValue.NULL, changed.getOrDefault("phone", jakarta.json.JsonValue.NULL), changed.toString());

        assertEquals(403, api.get(customers, api.token(shop.email())).status(), "head office's view is for admins");
        Fixtures stranger = new Fixtures();
        assertEquals(404, api.get(customers, api.token(stranger.tenantAdmin("Stranger Customers HO"))).status(),
                "another tenant's shop is unknown");
    }

    @Test
    void headOfficeCorrectsACustomersContactsAndCreditAndTheShopIsToldWhichVersionItChanged() throws Exception {
        UUID fleet = UUID.randomUUID();
        String customer = "api/v1/sync/shops/" + shop.shopId() + "/customers/" + fleet;
        long desk = HybridClock.of(MORNING);
        JsonObjectBuilder deskStamps = Json.createObjectBuilder();
        CustomerFields.ALL.forEach(f -> deskStamps.add(f, desk));
        String payload = Json.createObjectBuilder().add("customerId", fleet.toString()).add("name", "Rift Valley Haulage")
                .add("phone", "0722 100 200").add("email", "").add("creditLimitMinor", 50_000_000)
                .add("vehicles", vehicle(UUID.randomUUID(), "KCB 441X")).add("stamps", deskStamps).add("staff", "amina")
                .build().toString();
        send(event("customers.customer-saved", 2, fleet, payload, MORNING));
        JsonObject mirrored = Await.until(() -> api.get(customer, admin), r -> r.status() == 200, WITHIN).json();
        assertEquals(desk, mirrored.getJsonObject("stamps").getJsonNumber("phone").longValue(), "version 2: the desktop's stamps");

        // refused, with the field at fault, and nothing changes
        Api.Reply badEmail = api.send("PATCH", customer, admin, "{\"email\": \"accounts at riftvalley\"}");
        assertEquals(400, badEmail.status(), badEmail.toString());
        assertEquals(List.of("email"), badEmail.fieldErrors());
        assertEquals(List.of("name"), api.send("PATCH", customer, admin, "{\"name\": \"  \"}").fieldErrors());
        assertEquals(List.of("creditLimitMinor"), api.send("PATCH", customer, admin, "{\"creditLimitMinor\": -5}").fieldErrors());
        assertEquals(400, api.send("PATCH", customer, admin, "{}").status(), "nothing to change");
        assertEquals(mirrored, api.get(customer, admin).json(), "refused edits changed nothing");

        // head office clears the phone it knows is dead, adds the accounts address and lowers the limit
        Api.Reply edited = api.send("PATCH", customer, admin, Json.createObjectBuilder().add("phone", "")
                .add("email", " accounts@riftvalley.example ").add("creditLimitMinor", 30_000_000).add("name", "Rift Valley Haulage")
                .build().toString());
        assertEquals(200, edited.status(), edited.toString());
        JsonObject after = edited.json();
        assertFalse(after.containsKey("phone") && !after.isNull("phone"), after.toString());
        assertEquals("accounts@riftvalley.example", after.getString("email"));
        assertEquals(30_000_000, after.getJsonNumber("creditLimitMinor").longValue());
        long central = after.getJsonObject("stamps").getJsonNumber("email").longValue();
        assertTrue(central > desk);
        assertEquals(desk, after.getJsonObject("stamps").getJsonNumber("name").longValue(), "the same name is no change");
        assertEquals("KCB 441X", after.getJsonArray("vehicles").getJsonObject(0).getString("plate"), "the vehicles stay");

        JsonObject told = inboxMessage(shop.shopId(), "customers.customer-changed", fleet.toString());
        JsonObject values = told.getJsonObject("values");
        assertEquals(List.of("phone", "email", "creditLimitMinor"), List.copyOf(values.keySet()), "only what changed");
        assertTrue(values.isNull("phone"), "cleared");
        assertEquals(30_000_000, values.getJsonNumber("creditLimitMinor").longValue());
        assertEquals(central, told.getJsonObject("stamps").getJsonNumber("phone").longValue());
        assertEquals(desk, told.getJsonObject("replaced").getJsonNumber("email").longValue(),
                "the desktop learns which version head office changed");

        assertEquals(403, api.send("PATCH", customer, api.token(shop.email()), "{\"name\": \"x\"}").status(),
                "head office's hand is for admins");
        assertEquals(404, api.send("PATCH", "api/v1/sync/shops/" + shop.shopId() + "/customers/" + UUID.randomUUID(), admin,
                "{\"name\": \"x\"}").status());
        Fixtures stranger = new Fixtures();
        assertEquals(404, api.send("PATCH", customer, api.token(stranger.tenantAdmin("Stranger Customer HO")),
                "{\"name\": \"x\"}").status(), "another tenant's shop is unknown");
    }

    @Test
    void aCustomerErasedAtTheShopIsErasedAtHeadOfficeForGoodAndBothRequestsAreAudited() throws Exception {
        UUID fleet = UUID.randomUUID();
        String customer = "api/v1/sync/shops/" + shop.shopId() + "/customers/" + fleet;
        send(customerSaved(fleet, "Naivasha Tours", "0722 300 400", 10_000_000, vehicle(UUID.randomUUID(), "KDA 100A"), MORNING));
        Await.until(() -> api.get(customer, admin), r -> r.status() == 200, WITHIN);
        String request = Json.createObjectBuilder().add("customerId", fleet.toString()).add("staff", "amina")
                .add("at", MORNING.toString()).build().toString();
        send(event("customers.customer-data-exported", 1, fleet, request, MORNING));
        send(event("customers.customer-erased", 1, fleet, request, MORNING.plusSeconds(60)));

        JsonObject erased = Await.until(() -> api.get(customer, admin).json(), c -> "Erased customer".equals(c.getString("name")), WITHIN);
        assertTrue(noPhone(erased) && erased.getJsonArray("vehicles").isEmpty(), erased.toString());
        Api.Reply refill = api.send("PATCH", customer, admin, "{\"phone\": \"0722 300 400\"}");
        assertEquals(409, refill.status(), "head office cannot fill the record in again: " + refill);
        assertTrue(noPhone(api.get(customer, admin).json()), "nothing changed");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'SHOP_CUSTOMER_ERASED' AND target_id = ? "
                + "AND tenant_id = ?", fleet, fixtures.tenantId()));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'SHOP_CUSTOMER_DATA_EXPORTED' AND target_id = ?",
                fleet));
    }

    private static boolean noPhone(JsonObject customer) {
        return !customer.containsKey("phone") || customer.isNull("phone");
    }

    /** A customer as the desktop saves one (Customers.save): no phone is "", the vehicles as it lists them. */
    private SyncEvent customerSaved(UUID customerId, String name, String phone, long creditLimitMinor,
            jakarta.json.JsonArrayBuilder vehicles, Instant at) {
        String payload = Json.createObjectBuilder().add("customerId", customerId.toString()).add("name", name)
                .add("phone", phone).add("email", "").add("creditLimitMinor", creditLimitMinor).add("vehicles", vehicles)
                .add("staff", "amina").build().toString();
        return event("customers.customer-saved", 1, customerId, payload, at);
    }

    private static jakarta.json.JsonArrayBuilder vehicle(UUID id, String plate) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", id.toString()).add("make", "TOYOTA")
                .add("model", "Fielder").add("year", 2012).add("engine", "1NZ-FE").add("vin", "").add("plate", plate));
    }

    /** A quote as the desktop writes it: every line available at one price, 200.00 freight. */
    private static SyncEvent quoteSubmitted(UUID shopId, JsonObject request, String unitPrice) {
        JsonObject quote = MarketplaceIT.quote(request, unitPrice, "200.00");
        String payload = Json.createObjectBuilder(quote).add("requestId", request.getString("id")).add("staff", "amina")
                .build().toString();
        UUID requestId = UUID.fromString(request.getString("id"));
        return new SyncEvent(UUID.randomUUID(), shopId, "marketplace.quote-submitted", 1, requestId, Instant.now(), payload);
    }

    /** The next quote outcome on the shop's inbox about the request. */
    private JsonObject outcome(UUID shopId, String requestId) throws JMSException {
        return inboxMessage(shopId, "marketplace.quote-outcome", requestId);
    }

    private static SyncEvent forShop(UUID shopId, SyncEvent e) {
        return new SyncEvent(e.eventId(), shopId, e.type(), e.version(), e.subjectId(), e.occurredAt(), e.payload());
    }

    private SyncEvent event(String type, int version, UUID subject, String payload, Instant at) {
        return new SyncEvent(UUID.randomUUID(), shop.shopId(), type, version, subject, at, payload);
    }

    private void send(SyncEvent... events) throws JMSException {
        send(broker, events);
    }

    private static void send(ConnectionFactory as, SyncEvent... events) throws JMSException {
        try (JMSContext jms = as.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = jms.createProducer();
            for (SyncEvent e : events) {
                producer.send(jms.createQueue(Destinations.SYNC_INBOUND), message(jms, e));
            }
            jms.commit();
        }
    }

    private void sendWithoutDuplicateDetection(SyncEvent event) throws JMSException {
        try (JMSContext jms = broker.createContext()) {
            TextMessage message = message(jms, event);
            // a fresh duplicate-detection id: the broker lets it through, the backend must not apply it again
            message.setStringProperty(SyncMessages.DUPLICATE_DETECTION_ID, UUID.randomUUID().toString());
            jms.createProducer().send(jms.createQueue(Destinations.SYNC_INBOUND), message);
        }
    }

    private static TextMessage message(JMSContext jms, SyncEvent event) throws JMSException {
        TextMessage message = jms.createTextMessage();
        SyncMessages.write(event, message);
        return message;
    }

    private String rejectionReason(String eventId) throws JMSException {
        try (JMSContext jms = broker.createContext();
             JMSConsumer rejected = jms.createConsumer(jms.createQueue(Destinations.SYNC_REJECTED),
                     SyncMessages.EVENT_ID + " = '" + eventId + "'")) {
            Message message = rejected.receive(10_000);
            assertNotNull(message, "event " + eventId + " reaches the rejected queue");
            return message.getStringProperty(SyncMessages.REJECTION_REASON);
        }
    }

    // ---- the admin's side -----------------------------------------------------------------------------------------

    private List<JsonObject> awaitStock(Predicate<List<JsonObject>> done) throws InterruptedException {
        String token = api.token(shop.email());
        return Await.until(() -> api.get("api/v1/sync/shops/" + shop.shopId() + "/stock", token).jsonArray()
                .getValuesAs(JsonObject.class), done, WITHIN);
    }

    private JsonObject awaitStatus(Predicate<JsonObject> done) throws InterruptedException {
        return Await.until(() -> api.get("api/v1/sync/shops", admin).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("shopId").equals(shop.shopId().toString())).findFirst().orElseThrow(), done, WITHIN);
    }
}
