package org.clutch.web.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.clutch.jms.Destinations;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marketplace flow over REST and WebSocket, as the mobile apps use it, against the WAR on Payara Micro with
 * real PostgreSQL and a real Artemis broker behind the resource adapter. One deployment serves every test.
 */
class MarketplaceIT extends DeployedApplication {

    // Nairobi CBD as the delivery point; shops around it.
    private static final double CBD_LAT = -1.2864;
    private static final double CBD_LON = 36.8172;

    // ---- requests as JSON -------------------------------------------------------------------------------------

    static JsonObjectBuilder partsRequest(String make, int lines) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 1; i <= lines; i++) {
            items.add(Json.createObjectBuilder().add("name", "Part " + i).add("quantity", i));
        }
        return Json.createObjectBuilder()
                .add("vehicle", Json.createObjectBuilder().add("make", make).add("model", "Model X").add("year", 2016))
                .add("delivery", Json.createObjectBuilder().add("latitude", CBD_LAT).add("longitude", CBD_LON)
                        .add("address", "Kenyatta Avenue, Nairobi"))
                .add("lines", items);
    }

    static JsonObject quote(JsonObject request, String unitPrice, String freight) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        request.getJsonArray("lines").getValuesAs(JsonObject.class).forEach(line -> lines.add(Json.createObjectBuilder()
                .add("requestLineId", line.getString("id")).add("available", true).add("unitPrice", new java.math.BigDecimal(unitPrice))));
        return Json.createObjectBuilder().add("currency", "KES").add("lines", lines)
                .add("freight", new java.math.BigDecimal(freight)).add("etaHours", 6)
                .add("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()).build();
    }

    private JsonObject submit(String customerToken, JsonObject body) {
        Api.Reply reply = api.post("api/v1/parts-requests", customerToken, body);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    /** One shop in range carrying a make of its own, a customer, and that customer's request already dispatched. */
    record Dispatched(String customerToken, String shopToken, String requestId, JsonObject request) {

        static Dispatched toOneShop(Api api, Fixtures fixtures, String make, String shopName, String customerName)
                throws InterruptedException {
            String uniqueMake = fixtures.uniqueMake(make);
            var shop = fixtures.activeShop(shopName, -1.2676, 36.8108, 15, uniqueMake);
            String customerToken = api.token(fixtures.customer(customerName).email());
            String shopToken = api.token(shop.email());
            Api.Reply submitted = api.post("api/v1/parts-requests", customerToken, partsRequest(uniqueMake, 1).build());
            assertEquals(201, submitted.status(), submitted.toString());
            String id = submitted.json().getString("id");
            return new Dispatched(customerToken, shopToken, id, api.awaitDispatched(shopToken, id).getJsonObject("request"));
        }
    }

    private Dispatched requestDispatchedToOneShop(String make, String shopName, String customerName) throws InterruptedException {
        return Dispatched.toOneShop(api, fixtures, make, shopName, customerName);
    }

    private static List<String> types(Api.Reply notifications) {
        return notifications.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(n -> n.getString("type")).toList();
    }

    // ---- the flow ---------------------------------------------------------------------------------------------

    @Test
    void requestReachesOnlyNearbyShopsCarryingTheMakeLiveWithinOneSecond() throws Exception {
        String make = fixtures.uniqueMake("Toyota");
        var near = fixtures.activeShop("Westlands Spares", -1.2676, 36.8108, 15, make);           // 2.2 km
        var nearOtherMake = fixtures.activeShop("Euro Parts", -1.2700, 36.8100, 15, "BMW");        // 2 km, no make
        var far = fixtures.activeShop("Mombasa Spares", -4.0435, 39.6682, 30, make);               // 440 km
        var customer = fixtures.customer("Amina");
        String customerToken = api.token(customer.email());

        try (var nearInbox = new LiveInbox(api.liveUri(api.token(near.email())));
             var otherMakeInbox = new LiveInbox(api.liveUri(api.token(nearOtherMake.email())));
             var farInbox = new LiveInbox(api.liveUri(api.token(far.email())))) {
            Thread.sleep(300); // let the three handshakes complete before the request goes out

            JsonObject request = submit(customerToken, partsRequest(make, 2).build());
            long responded = System.nanoTime();
            String requestId = request.getString("id");
            assertEquals("SUBMITTED", request.getString("status"));

            LiveInbox.Received pushed = nearInbox.next(Duration.ofSeconds(1));
            assertNotNull(pushed, "the shop in range with the make is told within 1 s");
            assertTrue(pushed.nanoTime() - responded < 1_000_000_000L);
            assertEquals("REQUEST_DISPATCHED", pushed.message().getString("type"));
            assertEquals(requestId, pushed.message().getString("requestId"));

            assertNull(otherMakeInbox.next(Duration.ofMillis(700)), "a shop without the make hears nothing");
            assertNull(farInbox.next(Duration.ofMillis(100)), "a shop out of range hears nothing");
            assertEquals(404, api.get("api/v1/shop/requests/" + requestId, api.token(far.email())).status());
            assertEquals(0, api.get("api/v1/shop/requests", api.token(nearOtherMake.email())).json().getInt("total"));
        }
        assertEquals(List.of("REQUEST_DISPATCHED"), types(api.get("api/v1/notifications", api.token(near.email()))),
                "the notification is also stored for later reading");
    }

    @Test
    void twoShopsQuoteTheCustomerComparesAndAcceptsOne() throws Exception {
        String make = fixtures.uniqueMake("Nissan");
        var shopA = fixtures.activeShop("Shop A", -1.2676, 36.8108, 15, make);
        var shopB = fixtures.activeShop("Shop B", -1.3031, 36.8510, 20, make);
        var customer = fixtures.customer("Brian");
        String customerToken = api.token(customer.email());
        String tokenA = api.token(shopA.email());
        String tokenB = api.token(shopB.email());

        try (var customerInbox = new LiveInbox(api.liveUri(customerToken))) {
            Thread.sleep(200);
            JsonObject request = submit(customerToken, partsRequest(make, 2).build());
            String id = request.getString("id");
            JsonObject seenByA = api.awaitDispatched(tokenA, id).getJsonObject("request");
            api.awaitDispatched(tokenB, id);

            Api.Reply quoteA = api.put("api/v1/shop/requests/" + id + "/quote", tokenA, quote(seenByA, "1000.00", "200"));
            assertEquals(200, quoteA.status(), quoteA.toString());
            // 1 x 1000 + 2 x 1000 + 200 freight
            assertEquals(0, new java.math.BigDecimal("3200.00").compareTo(
                    quoteA.json().getJsonObject("myQuote").getJsonNumber("total").bigDecimalValue()));
            Api.Reply quoteB = api.put("api/v1/shop/requests/" + id + "/quote", tokenB, quote(seenByA, "900.00", "500"));
            assertEquals(200, quoteB.status(), quoteB.toString());

            assertEquals("QUOTE_RECEIVED", customerInbox.next(Duration.ofSeconds(2)).message().getString("type"));
            assertEquals("QUOTE_RECEIVED", customerInbox.next(Duration.ofSeconds(2)).message().getString("type"));

            JsonObject seenByCustomer = api.get("api/v1/parts-requests/" + id, customerToken).json();
            assertEquals("QUOTED", seenByCustomer.getString("status"));
            var quotes = seenByCustomer.getJsonArray("quotes").getValuesAs(JsonObject.class);
            assertEquals(2, quotes.size(), "the customer sees both quotes");
            assertEquals(List.of("Shop A", "Shop B"), quotes.stream().map(q -> q.getString("shopName")).sorted().toList());

            // Sealed: each shop sees its own quote only, and no way to reach the other's.
            JsonObject aView = api.get("api/v1/shop/requests/" + id, tokenA).json();
            assertEquals(quoteA.json().getJsonObject("myQuote").getString("id"), aView.getJsonObject("myQuote").getString("id"));
            assertEquals(0, aView.getJsonObject("request").getJsonArray("quotes").size());
            assertFalse(aView.toString().contains(quoteB.json().getJsonObject("myQuote").getString("id")));

            String winner = quoteA.json().getJsonObject("myQuote").getString("id");
            Api.Reply accepted = api.post("api/v1/parts-requests/" + id + "/quotes/" + winner + "/accept", customerToken, null);
            assertEquals(200, accepted.status(), accepted.toString());
            assertEquals("ACCEPTED", accepted.json().getString("status"));
            assertEquals(winner, accepted.json().getString("acceptedQuoteId"));

            assertTrue(types(api.get("api/v1/notifications", tokenA)).contains("QUOTE_ACCEPTED"));
            assertTrue(types(api.get("api/v1/notifications", tokenB)).contains("REQUEST_AWARDED_ELSEWHERE"), "the losing shop is told");

            Api.Reply late = api.put("api/v1/shop/requests/" + id + "/quote", tokenB, quote(seenByA, "800.00", "0"));
            assertEquals(409, late.status(), "quotes after acceptance are refused");
            assertTrue(late.json().getString("detail").contains("accepted"), late.toString());
        }
    }

    /** A quote of the given unit price per line ("-" for a line not available, null to leave the line out). */
    private static JsonObject quoteLines(JsonObject request, String... unitPrices) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        var requested = request.getJsonArray("lines").getValuesAs(JsonObject.class);
        for (int i = 0; i < unitPrices.length; i++) {
            if (unitPrices[i] == null) {
                continue;
            }
            JsonObjectBuilder line = Json.createObjectBuilder().add("requestLineId", requested.get(i).getString("id"));
            if (unitPrices[i].equals("-")) {
                line.add("available", false);
            } else {
                line.add("available", true).add("unitPrice", new java.math.BigDecimal(unitPrices[i]));
            }
            lines.add(line);
        }
        return Json.createObjectBuilder().add("currency", "KES").add("lines", lines).add("freight", 100).add("etaHours", 6)
                .add("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()).build();
    }

    @Test
    void aShopRevisesItsQuoteAsOftenAsItLikesAndTheCustomerSeesTheLatest() throws Exception {
        String make = fixtures.uniqueMake("Subaru");
        var shop = fixtures.activeShop("Reviser", -1.2676, 36.8108, 15, make);
        String customerToken = api.token(fixtures.customer("Rose").email());
        String shopToken = api.token(shop.email());
        String id = submit(customerToken, partsRequest(make, 3).build()).getString("id");
        JsonObject request = api.awaitDispatched(shopToken, id).getJsonObject("request");
        String path = "api/v1/shop/requests/" + id + "/quote";

        JsonObject first = OrdersIT.ok(api.put(path, shopToken, quoteLines(request, "1000", "-", "300"))).getJsonObject("myQuote");
        // A price corrected, a part found, a line dropped: each line of the request answered once.
        JsonObject revised = OrdersIT.ok(api.put(path, shopToken, quoteLines(request, "900", "450", null))).getJsonObject("myQuote");
        assertEquals(first.getString("id"), revised.getString("id"), "a revision, not a second quote");
        assertEquals(first.getInt("revision") + 1, revised.getInt("revision"));
        // 1 x 900 + 2 x 450 + 100 freight; the third line is now missing.
        assertEquals(0, new java.math.BigDecimal("1900.00").compareTo(revised.getJsonNumber("total").bigDecimalValue()), revised.toString());
        assertEquals(List.of(request.getJsonArray("lines").getJsonObject(2).getString("id")),
                revised.getJsonArray("missingLineIds").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        List<Integer> together = Simultaneously.run(10, i -> api.put(path, shopToken, quoteLines(request, String.valueOf(500 + i), "450", "300")))
                .stream().map(Api.Reply::status).toList();
        assertEquals(List.of(200), together.stream().distinct().toList(), "revisions sent at once are each taken in turn: " + together);

        JsonObject seen = OrdersIT.ok(api.get("api/v1/parts-requests/" + id, customerToken));
        assertEquals(1, seen.getJsonArray("quotes").size());
        JsonObject latest = seen.getJsonArray("quotes").getJsonObject(0);
        assertEquals(revised.getInt("revision") + 10, latest.getInt("revision"));
        assertEquals(3, latest.getJsonArray("lines").size());
        assertTrue(latest.getJsonArray("lines").getValuesAs(JsonObject.class).stream().allMatch(l -> l.getBoolean("available")));
    }

    @Test
    void aShopCannotReachAnotherShopsQuoteOrRequestsNotSentToIt() throws Exception {
        String make = fixtures.uniqueMake("Mazda");
        var shopA = fixtures.activeShop("Sealed A", -1.2676, 36.8108, 15, make);
        var outsider = fixtures.activeShop("Outsider", -1.2676, 36.8108, 15, "SOMETHING-ELSE");
        var customer = fixtures.customer("Chebet");
        var otherCustomer = fixtures.customer("Daudi");
        String customerToken = api.token(customer.email());
        String tokenA = api.token(shopA.email());
        String outsiderToken = api.token(outsider.email());

        String id = submit(customerToken, partsRequest(make, 1).build()).getString("id");
        JsonObject seen = api.awaitDispatched(tokenA, id).getJsonObject("request");
        String quoteId = api.put("api/v1/shop/requests/" + id + "/quote", tokenA, quote(seen, "50", "0")).json()
                .getJsonObject("myQuote").getString("id");

        assertEquals(404, api.get("api/v1/shop/requests/" + id, outsiderToken).status(), "not dispatched to it: not found");
        assertEquals(404, api.put("api/v1/shop/requests/" + id + "/quote", outsiderToken, quote(seen, "1", "0")).status());
        assertEquals(404, api.delete("api/v1/shop/requests/" + id + "/quote", outsiderToken).status());
        assertEquals(403, api.get("api/v1/parts-requests/" + id, tokenA).status(), "shops cannot use the customer API");
        assertEquals(404, api.get("api/v1/parts-requests/" + id, api.token(otherCustomer.email())).status(),
                "another customer's request answers like an unknown one");
        assertEquals(404, api.post("api/v1/parts-requests/" + id + "/quotes/" + quoteId + "/accept",
                api.token(otherCustomer.email()), null).status());
        assertEquals(404, api.post("api/v1/parts-requests/" + id + "/quotes/" + UUID.randomUUID() + "/accept", customerToken, null)
                .status());
        assertEquals(401, api.get("api/v1/parts-requests", null).status());
    }

    /** A customer's request for one part of a make of its own, quoted by two shops (A at 10, B at 11 a part). */
    record QuotedTwice(String customerToken, String requestId, String quoteA, String quoteB) {

        static QuotedTwice by(Api api, Fixtures fixtures, String make, String customerName) throws InterruptedException {
            String uniqueMake = fixtures.uniqueMake(make);
            var shopA = fixtures.activeShop(make + " A", -1.2676, 36.8108, 15, uniqueMake);
            var shopB = fixtures.activeShop(make + " B", -1.3031, 36.8510, 20, uniqueMake);
            String customerToken = api.token(fixtures.customer(customerName).email());
            String id = api.post("api/v1/parts-requests", customerToken, partsRequest(uniqueMake, 1).build()).json().getString("id");
            JsonObject seen = api.awaitDispatched(api.token(shopA.email()), id).getJsonObject("request");
            api.awaitDispatched(api.token(shopB.email()), id);
            String quoteA = OrdersIT.ok(api.put("api/v1/shop/requests/" + id + "/quote", api.token(shopA.email()), quote(seen, "10", "1")))
                    .getJsonObject("myQuote").getString("id");
            String quoteB = OrdersIT.ok(api.put("api/v1/shop/requests/" + id + "/quote", api.token(shopB.email()), quote(seen, "11", "1")))
                    .getJsonObject("myQuote").getString("id");
            return new QuotedTwice(customerToken, id, quoteA, quoteB);
        }

        /** The i-th of many accepts: A's quote for even i, B's for odd. */
        String acceptPath(int i) {
            return "api/v1/parts-requests/" + requestId + "/quotes/" + (i % 2 == 0 ? quoteA : quoteB) + "/accept";
        }
    }

    @Test
    void twentyConcurrentAcceptsYieldExactlyOneWinner() throws Exception {
        QuotedTwice quoted = QuotedTwice.by(api, fixtures, "Honda", "Esther");
        String customerToken = quoted.customerToken();
        String id = quoted.requestId();

        List<Integer> statuses = Simultaneously.run(20, i -> api.post(quoted.acceptPath(i), customerToken, null)).stream()
                .map(Api.Reply::status).toList();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        JsonObject after = api.get("api/v1/parts-requests/" + id, customerToken).json();
        assertEquals("ACCEPTED", after.getString("status"));
        var accepted = after.getJsonArray("quotes").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("status").equals("ACCEPTED")).toList();
        assertEquals(1, accepted.size());
        assertEquals(after.getString("acceptedQuoteId"), accepted.get(0).getString("id"));
    }

    // ---- bad input ----------------------------------------------------------------------------------------------

    @Test
    void badInputGetsProblemDetailsAndChangesNothing() {
        var customer = fixtures.customer("Faith");
        String token = api.token(customer.email());
        String make = fixtures.uniqueMake("Kia");
        long before = Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ?", customer.customerId());

        Api.Reply malformed = api.send("POST", "api/v1/parts-requests", token, "{\"vehicle\": {\"make\": ");
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.contentType().startsWith("application/problem+json"), malformed.contentType());
        assertTrue(malformed.json().getString("type").endsWith("/malformed-body"));

        Api.Reply wrongType = api.send("POST", "api/v1/parts-requests", token,
                partsRequest(make, 1).build().toString().replace("\"quantity\":1", "\"quantity\":\"one\""));
        assertEquals(400, wrongType.status(), wrongType.toString());

        Api.Reply missing = api.send("POST", "api/v1/parts-requests", token,
                "{\"vehicle\":{\"model\":\"Rio\",\"year\":2015},\"delivery\":{\"longitude\":36.8,\"address\":\"x\"},\"lines\":[]}");
        assertEquals(400, missing.status(), missing.toString());
        assertTrue(missing.fieldErrors().containsAll(List.of("vehicle.make", "delivery.latitude", "lines")), missing.toString());

        Api.Reply tooMany = api.post("api/v1/parts-requests", token, partsRequest(make, 51).build());
        assertEquals(400, tooMany.status());
        assertEquals(List.of("lines"), tooMany.fieldErrors());

        Api.Reply badLine = api.send("POST", "api/v1/parts-requests", token,
                partsRequest(make, 1).build().toString().replace("\"quantity\":1", "\"quantity\":0"));
        assertEquals(List.of("lines[0].quantity"), badLine.fieldErrors(), badLine.toString());

        JsonObject badVin = partsRequest(make, 1)
                .add("vehicle", Json.createObjectBuilder().add("make", make).add("model", "Accord").add("year", 2003)
                        .add("vin", "1HGCM82643A004352")).build();
        Api.Reply vin = api.post("api/v1/parts-requests", token, badVin);
        assertEquals(400, vin.status());
        assertEquals(List.of("vehicle.vin"), vin.fieldErrors());
        assertTrue(vin.json().getJsonArray("errors").getJsonObject(0).getString("message").contains("check digit"));

        Api.Reply huge = api.send("POST", "api/v1/parts-requests", token,
                partsRequest(make, 1).add("padding", "x".repeat(400_000)).build().toString());
        assertEquals(413, huge.status(), huge.toString());

        Api.Reply badPage = api.get("api/v1/parts-requests?size=1000", token);
        assertEquals(400, badPage.status());
        assertEquals(List.of("size"), badPage.fieldErrors());

        assertEquals(before, Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ?", customer.customerId()),
                "no refused request was stored");
        assertEquals(404, api.get("api/v1/parts-requests/" + UUID.randomUUID(), token).status());
        assertEquals(404, api.get("api/v1/parts-requests/not-a-uuid", token).status());
    }

    @Test
    void aRepeatedSubmissionWithTheSameIdempotencyKeyCreatesOneRequest() {
        var customer = fixtures.customer("Grace");
        String token = api.token(customer.email());
        String body = partsRequest(fixtures.uniqueMake("Subaru"), 1).build().toString();
        Api.Reply first = api.send("POST", "api/v1/parts-requests", token, body, "order-42");
        Api.Reply again = api.send("POST", "api/v1/parts-requests", token, body, "order-42");
        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ?", customer.customerId()));

        // The key sent with another request is a client's mistake, not a retry: refused, naming the key.
        Api.Reply reused = api.send("POST", "api/v1/parts-requests", token, body.replace("\"quantity\":1", "\"quantity\":3"), "order-42");
        assertEquals(422, reused.status(), reused.toString());
        assertTrue(reused.contentType().startsWith("application/problem+json"));
        assertEquals("https://clutch.dev/problems/idempotency-key-reused", reused.json().getString("type"));
        assertTrue(reused.json().getString("detail").contains("order-42"), reused.toString());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ?", customer.customerId()));
        assertEquals(200, api.send("POST", "api/v1/parts-requests", token, body, "order-42").status(), "the first request still answers its key");
    }

    @Test
    void simultaneousDuplicatesWithOneIdempotencyKeyCreateOneRequest() throws Exception {
        var customer = fixtures.customer("Kamau");
        String token = api.token(customer.email());
        String body = partsRequest(fixtures.uniqueMake("Lexus"), 1).build().toString();
        List<String> ids = new ArrayList<>();
        for (Api.Reply r : Simultaneously.run(8, i -> api.send("POST", "api/v1/parts-requests", token, body, "double-tap"))) {
            assertTrue(r.status() == 201 || r.status() == 200, r.toString());
            ids.add(r.json().getString("id"));
        }
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM parts_request WHERE customer_id = ?", customer.customerId()));
    }

    @Test
    void cancellingTellsTheShopsAndRefusesLaterQuotes() throws Exception {
        Dispatched d = requestDispatchedToOneShop("Volvo", "Cancel Shop", "Hassan");
        String customerToken = d.customerToken();
        String shopToken = d.shopToken();
        String id = d.requestId();
        JsonObject seen = d.request();

        Api.Reply cancelled = api.post("api/v1/parts-requests/" + id + "/cancel", customerToken, null);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertTrue(types(api.get("api/v1/notifications?unread=true", shopToken)).contains("REQUEST_CANCELLED"));
        assertEquals(409, api.put("api/v1/shop/requests/" + id + "/quote", shopToken, quote(seen, "5", "0")).status());
        assertEquals(409, api.post("api/v1/parts-requests/" + id + "/cancel", customerToken, null).status());

        String notificationId = api.get("api/v1/notifications", shopToken).json().getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(200, api.post("api/v1/notifications/" + notificationId + "/read", shopToken, null).status());
        assertEquals(404, api.post("api/v1/notifications/" + notificationId + "/read", customerToken, null).status(),
                "someone else's notification is not found");
    }

    @Test
    void anOverdueRequestIsClosedByTheTimerAndEveryoneIsTold() throws Exception {
        Dispatched d = requestDispatchedToOneShop("Peugeot", "Expiry Shop", "Juma");
        String customerToken = d.customerToken();
        String shopToken = d.shopToken();
        String id = d.requestId();
        JsonObject seen = d.request();

        Fixtures.makeOverdue(UUID.fromString(id));
        Api.Reply late = api.put("api/v1/shop/requests/" + id + "/quote", shopToken, quote(seen, "5", "0"));
        assertEquals(409, late.status(), "an overdue request refuses quotes before the timer has run");
        assertTrue(late.json().getString("detail").contains("expired"), late.toString());

        String status = null;
        for (int i = 0; i < 40 && !"EXPIRED".equals(status); i++) {
            Thread.sleep(500);
            status = api.get("api/v1/parts-requests/" + id, customerToken).json().getString("status");
        }
        assertEquals("EXPIRED", status, "the expiry timer (every 15 s) closed it");
        assertTrue(types(api.get("api/v1/notifications", customerToken)).contains("REQUEST_EXPIRED"));
        assertTrue(types(api.get("api/v1/notifications", shopToken)).contains("REQUEST_EXPIRED"));
    }

    @Test
    void theOpenApiDocumentDescribesTheFlow() throws Exception {
        Api.Reply openapi = api.send("GET", deployment.toURI().resolve("/openapi").toString(), null, null);
        assertEquals(200, openapi.status());
        for (String path : List.of("/parts-requests", "/parts-requests/{id}/quotes/{quoteId}/accept", "/shop/requests/{id}/quote",
                "/notifications")) {
            assertTrue(openapi.body().contains(path), path + " is documented");
        }
    }

    @Test
    void aWebSocketWithoutAValidTokenIsClosed() {
        try (var anonymous = new LiveInbox(api.liveUri("not-a-token"))) {
            assertEquals(1008, anonymous.closeCode(Duration.ofSeconds(5)));
        }
    }

    // ---- messaging ----------------------------------------------------------------------------------------------

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueAndTheQueueKeepsFlowing() throws Exception {
        String marker = UUID.randomUUID().toString();
        ConnectionFactory broker = new ActiveMQConnectionFactory(System.getProperty("clutch.it.broker.url"),
                IntegrationServices.BROKER_USER, IntegrationServices.BROKER_PASSWORD);
        try (JMSContext jms = broker.createContext()) {
            jms.createProducer().setProperty("testMarker", marker)
                    .send(jms.createQueue(Destinations.QUOTE_REQUESTS), "this is not a quote request");
            try (JMSConsumer deadLetters = jms.createConsumer(jms.createQueue(Destinations.DEAD_LETTERS), "testMarker = '" + marker + "'")) {
                Message dead = deadLetters.receive(30_000);
                assertNotNull(dead, "the poison message reaches the dead-letter queue");
                assertEquals("this is not a quote request", dead.getBody(String.class));
                assertEquals(Destinations.QUOTE_REQUESTS, dead.getStringProperty("_AMQ_ORIG_ADDRESS"), "moved there by the broker");
            }
        }
        // ... and the next good request still flows.
        String make = fixtures.uniqueMake("Suzuki");
        var shop = fixtures.activeShop("After Poison", -1.2676, 36.8108, 15, make);
        String id = submit(api.token(fixtures.customer("Imani").email()), partsRequest(make, 1).build()).getString("id");
        assertEquals(id, api.awaitDispatched(api.token(shop.email()), id).getJsonObject("request").getString("id"));
    }
}
