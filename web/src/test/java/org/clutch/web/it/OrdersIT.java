package org.clutch.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders over REST, as the customer's app and the shop use them, on Payara Micro with PostgreSQL: from the accepted
 * quote through payment, fulfilment and delivery, every refused step, refunds, and two parties acting at once.
 */
class OrdersIT extends DeployedApplication {

    static final String GOOD_CARD = "4242 4242 4242 4242";
    static final String DECLINED_CARD = "4000 0000 0000 0002";

    private String customerToken;
    private String shopToken;
    private String managerToken;
    private String make;

    @BeforeEach
    void people() {
        make = fixtures.uniqueMake("Mazda");
        var shop = fixtures.activeShop("Order Shop", -1.2676, 36.8108, 15, make);
        customerToken = api.token(fixtures.customer("Order Customer").email());
        shopToken = api.token(shop.email());
        managerToken = api.token(fixtures.shopManager("Order Manager", shop.shopId()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * A parts request for two lines (1 x "Part 1", 2 x "Part 2") quoted by the shop at {@code unitPrice} a part plus
     * 100 freight, accepted: answers the order as the customer reads it.
     */
    static JsonObject placeOrder(Api api, String customerToken, String shopToken, String make, String unitPrice) {
        try {
            String requestId = api.post("api/v1/parts-requests", customerToken, MarketplaceIT.partsRequest(make, 2).build()).json().getString("id");
            JsonObject request = api.awaitDispatched(shopToken, requestId).getJsonObject("request");
            Api.Reply quoted = api.put("api/v1/shop/requests/" + requestId + "/quote", shopToken, MarketplaceIT.quote(request, unitPrice, "100"));
            assertEquals(200, quoted.status(), quoted.toString());
            String quoteId = quoted.json().getJsonObject("myQuote").getString("id");
            Api.Reply accepted = api.post("api/v1/parts-requests/" + requestId + "/quotes/" + quoteId + "/accept", customerToken, null);
            assertEquals(200, accepted.status(), accepted.toString());
            String orderId = accepted.json().getString("orderId");
            return ok(api.get("api/v1/orders/" + orderId, customerToken));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject placeOrder(String unitPrice) {
        return placeOrder(api, customerToken, shopToken, make, unitPrice);
    }

    static JsonObject cardPayment(String number) {
        return Json.createObjectBuilder().add("method", "CARD").add("card", Json.createObjectBuilder().add("number", number)
                .add("expiryMonth", 12).add("expiryYear", 2031).add("cvc", "123")).build();
    }

    private static JsonObject method(String method) {
        return Json.createObjectBuilder().add("method", method).build();
    }

    private static JsonObject shipment() {
        return Json.createObjectBuilder().add("carrier", "Sendy").add("trackingNumber", "SND-2211").build();
    }

    private static JsonObject reason(String reason) {
        return Json.createObjectBuilder().add("reason", reason).build();
    }

    private static JsonObject received(String amount, String currency) {
        return Json.createObjectBuilder().add("amount", new BigDecimal(amount)).add("currency", currency).add("reference", "TRX-77").build();
    }

    private static JsonObject refund(JsonObject order, Map<Integer, Integer> quantityByLineNo, boolean freight, boolean returned) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        order.getJsonArray("lines").getValuesAs(JsonObject.class).stream().filter(l -> quantityByLineNo.containsKey(l.getInt("lineNo")))
                .forEach(l -> lines.add(Json.createObjectBuilder().add("lineId", l.getString("id")).add("quantity", quantityByLineNo.get(l.getInt("lineNo")))));
        return Json.createObjectBuilder().add("lines", lines).add("includeFreight", freight).add("goodsReturned", returned)
                .add("reason", "brake pads did not fit").build();
    }

    static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject step(String id, String step, String token, JsonObject body) {
        return ok(api.post("api/v1/orders/" + id + "/" + step, token, body));
    }

    private JsonObject read(String id) {
        return ok(api.get("api/v1/orders/" + id, customerToken));
    }

    private static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    private static List<String> timeline(JsonObject order) {
        return order.getJsonArray("timeline").getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList();
    }

    private static List<JsonObject> notifications(Api api, String token) {
        return ok(api.get("api/v1/notifications?size=100", token)).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    // ---- the way an order goes ------------------------------------------------------------------------------------

    @Test
    void anAcceptedQuoteBecomesAnOrderThatIsPaidShippedAndDeliveredWithATimelineBothSidesRead() {
        JsonObject order = placeOrder("1500.00");
        String id = order.getString("id");
        assertEquals("AWAITING_PAYMENT", order.getString("status"));
        assertTrue(order.getString("number").startsWith("CL-"), order.toString());
        assertEquals("KES", order.getString("currency"));
        assertEquals(0, new BigDecimal("4500.00").compareTo(money(order, "itemsTotal")), "1 x 1500 + 2 x 1500, frozen from the quote");
        assertEquals(0, new BigDecimal("4600.00").compareTo(money(order, "total")));
        assertEquals(List.of("Part 1", "Part 2"), order.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("name")).toList());
        assertEquals("Order Shop", order.getString("shopName"));

        JsonObject paid = step(id, "payment", customerToken, cardPayment(GOOD_CARD));
        assertEquals("PAID", paid.getString("status"));
        JsonObject payment = paid.getJsonArray("payments").getJsonObject(0);
        assertEquals("PAYMENT", payment.getString("kind"));
        assertEquals(0, new BigDecimal("4600.00").compareTo(money(payment, "amount")));
        assertTrue(payment.getString("providerReference").startsWith("SIM-"), "the simulator is named: " + payment);
        assertFalse(paid.toString().contains("4242424242424242"), "the card number is not kept");

        step(id, "processing", shopToken, null);
        step(id, "ready", shopToken, null);
        JsonObject shipped = step(id, "shipment", shopToken, shipment());
        assertEquals("Sendy", shipped.getString("carrier"));
        assertEquals("SND-2211", shipped.getString("trackingNumber"));
        JsonObject delivered = step(id, "delivery", customerToken, null);
        assertEquals("DELIVERED", delivered.getString("status"));

        List<String> expected = List.of("CREATED", "PAYMENT_RECEIVED", "PROCESSING_STARTED", "READY", "SHIPPED", "DELIVERED");
        assertEquals(expected, timeline(delivered));
        assertEquals(expected, timeline(ok(api.get("api/v1/orders/" + id, shopToken))), "the shop reads the same timeline");

        // Each side is told of the other's steps, with the order named.
        List<JsonObject> toCustomer = notifications(api, customerToken).stream().filter(n -> id.equals(n.getString("orderId", null))).toList();
        assertTrue(toCustomer.stream().anyMatch(n -> n.getString("message").contains("SND-2211")), toCustomer.toString());
        assertEquals(3, toCustomer.size(), "processing, ready and shipped: " + toCustomer);
        List<JsonObject> toShop = notifications(api, shopToken).stream().filter(n -> id.equals(n.getString("orderId", null))).toList();
        assertEquals(List.of("ORDER_UPDATED", "ORDER_UPDATED", "QUOTE_ACCEPTED"), toShop.stream().map(n -> n.getString("type")).toList(),
                "accepted, paid, delivered: " + toShop);

        // Listed for both parties and the tenant admin; filtered by status.
        assertTrue(api.get("api/v1/orders", customerToken).body().contains(id));
        assertTrue(api.get("api/v1/orders?status=DELIVERED", shopToken).body().contains(id));
        assertFalse(api.get("api/v1/orders?status=PAID", shopToken).body().contains(id));
        assertTrue(api.get("api/v1/orders", api.token(fixtures.tenantAdmin("Order Admin"))).body().contains(id));
        assertEquals(id, ok(api.get("api/v1/parts-requests/" + order.getString("requestId"), customerToken)).getString("orderId"));
    }

    @Test
    void ordersOfOthersAreNotFound() {
        String id = placeOrder("100.00").getString("id");
        String otherCustomer = api.token(fixtures.customer("Someone Else").email());
        String otherShop = api.token(fixtures.activeShop("Other Shop Same Tenant", -1.2676, 36.8108, 15, make).email());
        for (String token : List.of(otherCustomer, otherShop)) {
            assertEquals(404, api.get("api/v1/orders/" + id, token).status());
            assertEquals(404, api.post("api/v1/orders/" + id + "/cancellation", token, reason("mine now")).status());
            assertFalse(api.get("api/v1/orders", token).body().contains(id));
        }
        assertEquals(404, api.get("api/v1/orders/" + UUID.randomUUID(), customerToken).status());
        assertEquals("AWAITING_PAYMENT", read(id).getString("status"));
    }

    // ---- every refused step ---------------------------------------------------------------------------------------

    private enum Step {
        PAY, PROCESS, READY, SHIP, DELIVER, CANCEL, REFUND
    }

    private Api.Reply take(Step step, JsonObject order) {
        String id = order.getString("id");
        return switch (step) {
            case PAY -> api.post("api/v1/orders/" + id + "/payment", customerToken, cardPayment(GOOD_CARD));
            case PROCESS -> api.post("api/v1/orders/" + id + "/processing", shopToken, null);
            case READY -> api.post("api/v1/orders/" + id + "/ready", shopToken, null);
            case SHIP -> api.post("api/v1/orders/" + id + "/shipment", shopToken, shipment());
            case DELIVER -> api.post("api/v1/orders/" + id + "/delivery", customerToken, null);
            case CANCEL -> api.post("api/v1/orders/" + id + "/cancellation", customerToken, reason("no longer needed"));
            case REFUND -> api.post("api/v1/orders/" + id + "/refunds", managerToken, refund(order, Map.of(1, 1, 2, 2), true, false));
        };
    }

    @Test
    void everyStepOutsideItsStatesIsA409InPlainWordsAndChangesNothing() {
        Map<String, List<Step>> pathTo = new java.util.LinkedHashMap<>();
        pathTo.put("AWAITING_PAYMENT", List.of());
        pathTo.put("PAID", List.of(Step.PAY));
        pathTo.put("PROCESSING", List.of(Step.PAY, Step.PROCESS));
        pathTo.put("READY", List.of(Step.PAY, Step.PROCESS, Step.READY));
        pathTo.put("SHIPPED", List.of(Step.PAY, Step.PROCESS, Step.READY, Step.SHIP));
        pathTo.put("DELIVERED", List.of(Step.PAY, Step.PROCESS, Step.READY, Step.SHIP, Step.DELIVER));
        pathTo.put("CANCELLED", List.of(Step.PAY, Step.CANCEL));
        pathTo.put("REFUNDED", List.of(Step.PAY, Step.PROCESS, Step.READY, Step.SHIP, Step.DELIVER, Step.REFUND));
        Map<String, Set<Step>> allowed = Map.of(
                "AWAITING_PAYMENT", Set.of(Step.PAY, Step.CANCEL), "PAID", Set.of(Step.PROCESS, Step.CANCEL),
                "PROCESSING", Set.of(Step.READY, Step.CANCEL), "READY", Set.of(Step.SHIP, Step.CANCEL),
                "SHIPPED", Set.of(Step.DELIVER), "DELIVERED", Set.of(Step.REFUND), "CANCELLED", Set.of(), "REFUNDED", Set.of());
        int refused = 0;
        for (var state : pathTo.entrySet()) {
            JsonObject order = placeOrder("200.00");
            for (Step step : state.getValue()) {
                order = ok(take(step, order));
            }
            assertEquals(state.getKey(), order.getString("status"));
            for (Step step : Step.values()) {
                if (allowed.get(state.getKey()).contains(step)) {
                    continue;
                }
                Api.Reply reply = take(step, order);
                String what = step + " on a " + state.getKey() + " order -> " + reply;
                assertEquals(409, reply.status(), what);
                assertTrue(reply.contentType().startsWith("application/problem+json"), what);
                assertTrue(reply.json().getString("detail").startsWith("This order is"), what);
                JsonObject after = read(order.getString("id"));
                assertEquals(state.getKey(), after.getString("status"), what);
                assertEquals(order.getJsonNumber("version").longValue(), after.getJsonNumber("version").longValue(), what);
                refused++;
            }
        }
        assertEquals(46, refused, "7 steps x 8 states, less the 10 allowed");
    }

    // ---- payments -------------------------------------------------------------------------------------------------

    @Test
    void aDeclinedCardIs402AndTheCustomerMayPayByBankTransferConfirmedByTheShop() {
        JsonObject order = placeOrder("1000.00");
        String id = order.getString("id");
        Api.Reply declined = api.post("api/v1/orders/" + id + "/payment", customerToken, cardPayment(DECLINED_CARD));
        assertEquals(402, declined.status(), declined.toString());
        assertTrue(declined.json().getString("type").endsWith("payment-declined"), declined.toString());
        JsonObject afterDecline = read(id);
        assertEquals("AWAITING_PAYMENT", afterDecline.getString("status"));
        assertEquals(0, afterDecline.getJsonArray("payments").size(), "nothing charged");
        assertEquals("PAYMENT_DECLINED", timeline(afterDecline).getLast(), "the attempt is on the timeline");

        JsonObject transfer = step(id, "payment", customerToken, method("BANK_TRANSFER"));
        assertEquals("BANK_TRANSFER", transfer.getString("paymentMethod"));
        assertTrue(transfer.getJsonArray("timeline").getValuesAs(JsonObject.class).getLast().getString("detail")
                .contains(order.getString("number")), "the instructions name the order number to quote");
        assertEquals(409, api.post("api/v1/orders/" + id + "/processing", shopToken, null).status(), "not prepared before the money is in");

        JsonObject part = step(id, "payments", shopToken, received("1000.00", "KES"));
        assertEquals("AWAITING_PAYMENT", part.getString("status"));
        assertEquals(0, new BigDecimal("2100.00").compareTo(money(part, "balanceDue")));

        Api.Reply tooMuch = api.post("api/v1/orders/" + id + "/payments", shopToken, received("2100.01", "KES"));
        assertEquals(400, tooMuch.status(), tooMuch.toString());
        assertEquals(List.of("amount"), tooMuch.fieldErrors());
        Api.Reply otherCurrency = api.post("api/v1/orders/" + id + "/payments", shopToken, received("10", "USD"));
        assertEquals(List.of("currency"), otherCurrency.fieldErrors(), "shillings and dollars are never added");
        assertEquals(403, api.post("api/v1/orders/" + id + "/payments", customerToken, received("2100", "KES")).status(),
                "a customer cannot confirm their own payment");
        assertEquals(part.getJsonNumber("version").longValue(), read(id).getJsonNumber("version").longValue(), "refusals change nothing");

        JsonObject paid = step(id, "payments", shopToken, received("2100.00", "KES"));
        assertEquals("PAID", paid.getString("status"));
        assertEquals(2, paid.getJsonArray("payments").size());
    }

    @Test
    void cashOnDeliveryIsPreparedAtOnceAndDeliveryRecordsTheCash() {
        String id = placeOrder("300.00").getString("id");
        step(id, "payment", customerToken, method("CASH_ON_DELIVERY"));
        step(id, "processing", shopToken, null);
        step(id, "ready", shopToken, null);
        step(id, "shipment", shopToken, shipment());
        JsonObject delivered = step(id, "delivery", shopToken, null);
        assertEquals("DELIVERED", delivered.getString("status"));
        assertEquals(0, new BigDecimal("1000.00").compareTo(money(delivered, "amountPaid")));
        assertEquals("CASH_ON_DELIVERY", delivered.getJsonArray("payments").getJsonObject(0).getString("method"));
    }

    @Test
    void badPaymentInputIsA400WithFieldErrors() {
        JsonObject placed = placeOrder("300.00");
        String id = placed.getString("id");
        assertEquals(List.of("method"), api.post("api/v1/orders/" + id + "/payment", customerToken, method("BITCOIN")).fieldErrors());
        assertEquals(List.of("card"), api.post("api/v1/orders/" + id + "/payment", customerToken, method("CARD")).fieldErrors());
        assertEquals(List.of("card.number"), api.post("api/v1/orders/" + id + "/payment", customerToken,
                cardPayment("4242 4242 4242 4241")).fieldErrors(), "the Luhn check digit is wrong");
        assertEquals(List.of("carrier"), api.post("api/v1/orders/" + id + "/shipment", shopToken, Json.createObjectBuilder().build()).fieldErrors());
        assertEquals(List.of("If-Match"), api.postIfMatch("api/v1/orders/" + id + "/processing", shopToken, null, "yesterday").fieldErrors());
        JsonObject after = read(id);
        assertEquals(placed.getJsonNumber("version").longValue(), after.getJsonNumber("version").longValue(), "nothing changed: " + after);
        assertEquals(List.of("CREATED"), timeline(after));
    }

    // ---- cancellation and refunds ---------------------------------------------------------------------------------

    @Test
    void cancellingAPaidOrderRefundsItInFullAndRecordsWhoAndWhy() {
        String id = placeOrder("700.00").getString("id");
        step(id, "payment", customerToken, cardPayment(GOOD_CARD));
        step(id, "processing", shopToken, null);
        JsonObject cancelled = step(id, "cancellation", shopToken, reason("The pads are out of stock after all"));
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals("SHOP_STAFF", cancelled.getString("cancelledBy"));
        assertEquals("The pads are out of stock after all", cancelled.getString("cancelReason"));
        assertEquals(0, money(cancelled, "amountPaid").compareTo(money(cancelled, "amountRefunded")));
        JsonObject refundEntry = cancelled.getJsonArray("payments").getJsonObject(1);
        assertEquals("REFUND", refundEntry.getString("kind"));
        assertEquals(0, new BigDecimal("2200.00").compareTo(money(refundEntry, "amount")));
        assertTrue(notifications(api, customerToken).stream().anyMatch(n -> n.getString("message").contains("out of stock")),
                "the customer is told why");
    }

    @Test
    void refundsGoLineByLineNeedAManagerAndNeverExceedWhatWasPaid() {
        JsonObject order = placeOrder("1000.00");
        String id = order.getString("id");
        step(id, "payment", customerToken, cardPayment(GOOD_CARD));
        step(id, "processing", shopToken, null);
        step(id, "ready", shopToken, null);
        step(id, "shipment", shopToken, shipment());
        step(id, "delivery", customerToken, null);

        assertEquals(403, api.post("api/v1/orders/" + id + "/refunds", shopToken, refund(order, Map.of(2, 1), false, true)).status(),
                "staff may not refund; a manager may");
        JsonObject partly = step(id, "refunds", managerToken, refund(order, Map.of(2, 1), false, true));
        assertEquals("DELIVERED", partly.getString("status"), "a partial return leaves the order delivered");
        assertEquals(0, new BigDecimal("1000.00").compareTo(money(partly, "amountRefunded")));
        assertEquals(1, partly.getJsonArray("lines").getJsonObject(1).getInt("refundedQuantity"));

        Api.Reply over = api.post("api/v1/orders/" + id + "/refunds", managerToken, refund(order, Map.of(2, 2), false, true));
        assertEquals(400, over.status(), over.toString());
        assertEquals(List.of("lines[0].quantity"), over.fieldErrors());

        JsonObject returned = step(id, "refunds", managerToken, refund(order, Map.of(1, 1, 2, 1), true, true));
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals(0, money(returned, "amountPaid").compareTo(money(returned, "amountRefunded")), "all of it, and no more");
        assertEquals(0, new BigDecimal("3100.00").compareTo(money(returned, "amountRefunded")));
    }

    // ---- two parties at once --------------------------------------------------------------------------------------

    @Test
    void whenCustomerAndShopActAtOnceOneWinsAndTheOtherGetsA409() throws Exception {
        // Cancel and ship on a ready order: whichever goes first, the other no longer fits.
        for (int round = 0; round < 3; round++) {
            String id = placeOrder("150.00").getString("id");
            step(id, "payment", customerToken, cardPayment(GOOD_CARD));
            step(id, "processing", shopToken, null);
            step(id, "ready", shopToken, null);
            List<Api.Reply> replies = Simultaneously.<Api.Reply>run(List.of(
                    () -> api.post("api/v1/orders/" + id + "/cancellation", customerToken, reason("too slow")),
                    () -> api.post("api/v1/orders/" + id + "/shipment", shopToken, shipment())));
            List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
            assertEquals(List.of(200, 409), statuses, replies.toString());
            JsonObject after = read(id);
            boolean cancelWon = replies.get(0).status() == 200;
            assertEquals(cancelWon ? "CANCELLED" : "SHIPPED", after.getString("status"));
            List<String> kinds = timeline(after);
            assertEquals(cancelWon ? 1 : 0, kinds.stream().filter("CANCELLED"::equals).count(), kinds.toString());
            assertEquals(cancelWon ? 0 : 1, kinds.stream().filter("SHIPPED"::equals).count(), kinds.toString());
            assertEquals(cancelWon ? 2 : 1, after.getJsonArray("payments").size(), "a refund exactly when cancelled");
        }

        // Both read the same version and act on it (If-Match): the second is refused even though its step would fit.
        String id = placeOrder("150.00").getString("id");
        JsonObject paid = step(id, "payment", customerToken, cardPayment(GOOD_CARD));
        String version = "\"" + paid.getJsonNumber("version").longValue() + "\"";
        List<Api.Reply> replies = Simultaneously.<Api.Reply>run(List.of(
                () -> api.postIfMatch("api/v1/orders/" + id + "/cancellation", customerToken, reason("changed my mind"), version),
                () -> api.postIfMatch("api/v1/orders/" + id + "/processing", shopToken, null, version)));
        assertEquals(List.of(200, 409), replies.stream().map(Api.Reply::status).sorted().toList(), replies.toString());
        Api.Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertTrue(loser.json().getString("detail").contains("changed since you last read it"), loser.toString());
        assertEquals(3, timeline(read(id)).size(), "created, paid, and exactly one of the two steps");
    }
}
