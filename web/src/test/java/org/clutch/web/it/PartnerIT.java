package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.clutch.jms.Destinations;
import org.clutch.jms.PartnerMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet operator's system on the broker, as a partner would connect: qpid-jms over AMQP 1.0 with the account a
 * platform admin issued. It submits a parts request for one of its vehicles, hears the shop's quote, accepts it and
 * hears of the order, all by message; what it sends wrong comes back on its dead-letter address with the reason.
 */
class PartnerIT extends DeployedApplication {

    static final long WAIT_MS = 15_000;

    @Test
    void aFleetPartnersRequestIsDispatchedQuotedAndAcceptedByMessage() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser shop = fixtures.activeShop("Fleet Parts Westlands", -1.2676, 36.8108, 15, make);
        String shopToken = api.token(shop.email());
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        assertEquals(Destinations.PARTNER_INBOUND, account.getString("sendTo"));
        assertEquals(Destinations.partnerOutbound(partner.tenantId()), account.getString("readFrom"));

        try (JMSContext amqp = connect(account); JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")))) {
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "fleet-request-1", "fleet-job-42",
                    MarketplaceIT.partsRequest(make, 2).build().toString());

            Message submitted = receive(outbound, PartnerMessages.PARTS_REQUEST_SUBMITTED);
            assertEquals("fleet-job-42", submitted.getJMSCorrelationID(), "the answer follows the partner's conversation");
            JsonObject request = json(submitted);
            String requestId = request.getString("id");
            assertEquals("SUBMITTED", request.getString("status"));
            assertEquals(make, request.getJsonObject("vehicle").getString("make"));

            // the same dispatch as a car owner's request: the shop in range carrying the make has it to quote
            JsonObject seenByShop = api.awaitDispatched(shopToken, requestId).getJsonObject("request");
            Api.Reply quoted = api.put("api/v1/shop/requests/" + requestId + "/quote", shopToken,
                    MarketplaceIT.quote(seenByShop, "2500.00", "300"));
            assertEquals(200, quoted.status(), quoted.toString());

            Message quote = receive(outbound, PartnerMessages.QUOTE_CHANGED);
            assertEquals("fleet-job-42", quote.getJMSCorrelationID());
            JsonObject offer = json(quote);
            assertEquals("SUBMITTED", offer.getString("status"));
            assertEquals("Fleet Parts Westlands", offer.getString("shopName"));
            assertEquals(0, new java.math.BigDecimal("2500.00").multiply(java.math.BigDecimal.valueOf(3))
                    .add(new java.math.BigDecimal("300")).compareTo(offer.getJsonNumber("total").bigDecimalValue()),
                    "parts 1 x 2,500 + 2 x 2,500, freight 300");

            send(amqp, PartnerMessages.ACCEPT_QUOTE, "fleet-accept-1", null, Json.createObjectBuilder()
                    .add("requestId", requestId).add("quoteId", offer.getString("id")).build().toString());
            Map<String, Message> afterAccepting = receiveAll(outbound, PartnerMessages.QUOTE_ACCEPTED, PartnerMessages.ORDER_CHANGED);
            JsonObject accepted = json(afterAccepting.get(PartnerMessages.QUOTE_ACCEPTED));
            assertEquals("ACCEPTED", accepted.getString("status"));
            assertEquals(offer.getString("id"), accepted.getString("acceptedQuoteId"));
            JsonObject order = json(afterAccepting.get(PartnerMessages.ORDER_CHANGED));
            assertEquals(requestId, order.getString("requestId"));
            assertEquals(order.getString("id"), accepted.getString("orderId"), "the answer names the order, as the REST accept does");
            assertEquals("fleet-job-42", afterAccepting.get(PartnerMessages.ORDER_CHANGED).getJMSCorrelationID(),
                    "the order carries the conversation of the request it came from");
            // the shop sees the partner's order as any order to fulfil
            assertEquals(200, api.get("api/v1/orders/" + order.getString("id"), shopToken).status());
        }
    }

    @Test
    void badMessagesLandOnThePartnersDeadLetterAddressWithTheirReasonAndTheStreamGoesOn() throws Exception {
        String make = fixtures.uniqueMake("NISSAN");
        fixtures.activeShop("Fleet Parts Industrial", -1.2676, 36.8108, 15, make);
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        try (JMSContext amqp = connect(account);
             JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")));
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "bad-json", null, "{\"vehicle\": ");
            JsonObject noLines = MarketplaceIT.partsRequest(make, 1).build();
            String invalid = Json.createObjectBuilder(noLines).add("lines", Json.createArrayBuilder()).build().toString();
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "no-lines", null, invalid);
            send(amqp, "parts-request.teleport", "unknown-type", null, "{}");
            TextMessage noId = envelope(amqp.createTextMessage("{}"), PartnerMessages.SUBMIT_PARTS_REQUEST, null);
            amqp.createProducer().send(amqp.createQueue(Destinations.PARTNER_INBOUND), noId);
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "good-after-bad", null, MarketplaceIT.partsRequest(make, 1).build().toString());

            Map<String, Message> refused = new HashMap<>();
            for (int i = 0; i < 4; i++) {
                Message m = deadLetters.receive(WAIT_MS);
                assertNotNull(m, "refused message " + (i + 1) + " of 4 on the dead-letter address");
                refused.put(String.valueOf(m.getObjectProperty(PartnerMessages.MESSAGE_ID)), m);
            }
            assertEquals("malformed-body", refused.get("bad-json").getStringProperty(PartnerMessages.REJECTION_CODE));
            assertEquals("{\"vehicle\": ", ((TextMessage) refused.get("bad-json")).getText(), "the message as it was sent");
            Message noLinesRefused = refused.get("no-lines");
            assertEquals("invalid", noLinesRefused.getStringProperty(PartnerMessages.REJECTION_CODE));
            assertTrue(noLinesRefused.getStringProperty(PartnerMessages.FIELD_ERRORS).contains("\"field\":\"lines\""),
                    noLinesRefused.getStringProperty(PartnerMessages.FIELD_ERRORS));
            assertEquals("unknown-type", refused.get("unknown-type").getStringProperty(PartnerMessages.REJECTION_CODE));
            Message envelope = refused.get("null");
            assertEquals("malformed-envelope", envelope.getStringProperty(PartnerMessages.REJECTION_CODE));
            assertTrue(envelope.getStringProperty(PartnerMessages.REJECTION_REASON).contains(PartnerMessages.MESSAGE_ID));

            Message good = receive(outbound, PartnerMessages.PARTS_REQUEST_SUBMITTED);
            assertEquals("good-after-bad", good.getJMSCorrelationID(), "without a correlation id the message id starts the conversation");
            assertEquals(1, Fixtures.count("SELECT count(*) FROM parts_request r JOIN partner_buyer b ON b.customer_id = r.customer_id "
                    + "WHERE b.tenant_id = ?", partner.tenantId()), "nothing of the refused messages was applied");
            assertEquals(4, Fixtures.count("SELECT count(*) FROM partner_message WHERE tenant_id = ? AND outcome = 'REJECTED'",
                    partner.tenantId()), "every refusal is recorded, the one without a message id too");

            // what a platform admin sees of this partner's traffic
            JsonObject traffic = api.get("api/v1/partners/" + partner.tenantId() + "/traffic", api.token(IntegrationServices.PLATFORM_ADMIN))
                    .json();
            assertEquals(1, traffic.getInt("applied"));
            assertEquals(4, traffic.getInt("refused"), "as many as reached the dead-letter address");
            assertNotNull(traffic.getString("lastMessageAt"));
            assertEquals(java.util.Set.of("malformed-envelope", "malformed-body", "invalid", "unknown-type"), traffic.getJsonArray("recentRefusals")
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getString("code")).collect(java.util.stream.Collectors.toSet()));
            assertEquals(403, api.get("api/v1/partners/" + partner.tenantId() + "/traffic",
                    api.token(fixtures.tenantAdmin("Curious Admin"))).status(), "platform admins only");
        }
    }

    @Test
    void aPartnerSendsOnlyWhatItsRolesSendAndARefusedOneChangesNothing() throws Exception {
        String make = fixtures.uniqueMake("MAZDA");
        Fixtures fleet = new Fixtures("PARTNER", "BUYER");
        JsonObject account = issueAccount(api, fleet.tenantId());
        String shopToken = api.token(fixtures.activeShop("Roles Parts", -1.28, 36.82, 15, make).email());
        try (JMSContext amqp = connect(account);
             JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")));
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            send(amqp, PartnerMessages.CATALOG_FEED, "fleet-feed", null, feed("fleet-feed", "FULL", 1, true,
                    item("RL-1", "Brakeline", "Brake pad set front", "4700.00", null, make, "Demio", 2014, 2018, null)));
            Message refused = deadLetters.receive(WAIT_MS);
            assertNotNull(refused, "a fleet's catalog feed is refused");
            assertEquals("not-allowed", refused.getStringProperty(PartnerMessages.REJECTION_CODE));
            assertTrue(refused.getStringProperty(PartnerMessages.REJECTION_REASON).contains("[BUYER]"),
                    refused.getStringProperty(PartnerMessages.REJECTION_REASON));
            assertEquals(0, fitting(shopToken, make, "Demio", 2016, null).getInt("total"), "nothing of it applied");

            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "fleet-may-buy", null, MarketplaceIT.partsRequest(make, 1).build().toString());
            assertEquals("SUBMITTED", json(receive(outbound, PartnerMessages.PARTS_REQUEST_SUBMITTED)).getString("status"));
        }
        Fixtures supplier = new Fixtures("PARTNER", "SUPPLIER");
        JsonObject supplierAccount = issueAccount(api, supplier.tenantId());
        try (JMSContext amqp = connect(supplierAccount);
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(supplierAccount.getString("deadLetters")))) {
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "supplier-buys", null, MarketplaceIT.partsRequest(make, 1).build().toString());
            Message refused = deadLetters.receive(WAIT_MS);
            assertNotNull(refused, "a supplier's parts request is refused");
            assertEquals("not-allowed", refused.getStringProperty(PartnerMessages.REJECTION_CODE));
        }
    }

    @Test
    void aMessageSentTwiceIsTakenOnce() throws Exception {
        String make = fixtures.uniqueMake("MAZDA");
        fixtures.activeShop("Fleet Parts Kilimani", -1.2676, 36.8108, 15, make);
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        try (JMSContext amqp = connect(account); JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")))) {
            String body = MarketplaceIT.partsRequest(make, 1).build().toString();
            // without the broker's duplicate-detection id: the platform itself must notice the repeat
            for (int i = 0; i < 2; i++) {
                TextMessage message = envelope(amqp.createTextMessage(body), PartnerMessages.SUBMIT_PARTS_REQUEST, "sent-twice");
                amqp.createProducer().send(amqp.createQueue(Destinations.PARTNER_INBOUND), message);
            }
            receive(outbound, PartnerMessages.PARTS_REQUEST_SUBMITTED);
            assertNull(outbound.receive(2_000), "one answer: the repeat was ignored");
            assertEquals(1, Fixtures.count("SELECT count(*) FROM parts_request r JOIN partner_buyer b ON b.customer_id = r.customer_id "
                    + "WHERE b.tenant_id = ?", partner.tenantId()));
        }
    }

    @Test
    void aPartnerReachesOnlyItsOwnAddressesAndOnlyWhileItsAccountStands() throws Exception {
        Fixtures partnerA = new Fixtures("PARTNER");
        Fixtures partnerB = new Fixtures("PARTNER");
        JsonObject accountA = issueAccount(api, partnerA.tenantId());
        JsonObject accountB = issueAccount(api, partnerB.tenantId());
        try (JMSContext amqp = connect(accountA)) {
            assertThrows(JMSSecurityRuntimeException.class,
                    () -> amqp.createConsumer(amqp.createQueue(accountB.getString("readFrom"))).close(), "another partner's events");
            assertThrows(JMSSecurityRuntimeException.class,
                    () -> amqp.createConsumer(amqp.createQueue(accountB.getString("deadLetters"))).close(), "another partner's refusals");
            assertThrows(JMSSecurityRuntimeException.class,
                    () -> amqp.createConsumer(amqp.createQueue(Destinations.PARTNER_INBOUND)).close(), "every partner's messages");
            assertThrows(JMSRuntimeException.class, () -> amqp.createProducer().send(amqp.createQueue(accountB.getString("readFrom")),
                    "forged event"), "writing to another partner");
            assertThrows(JMSRuntimeException.class, () -> amqp.createProducer().send(amqp.createQueue(Destinations.QUOTE_REQUESTS),
                    "{}"), "the marketplace's own queues");
        }
        String root = api.token(IntegrationServices.PLATFORM_ADMIN);
        // only platform admins issue partners' accounts
        assertEquals(403, api.post("api/v1/partners/" + partnerA.tenantId() + "/broker-account",
                api.token(fixtures.tenantAdmin("Not Platform")), null).status());
        assertEquals(404, api.post("api/v1/partners/" + fixtures.tenantId() + "/broker-account", root, null).status(),
                "a shop business is no partner");
        assertEquals(200, api.delete("api/v1/partners/" + partnerA.tenantId() + "/broker-account", root).status());
        assertThrows(JMSRuntimeException.class, () -> connect(accountA).close(), "a revoked account cannot connect");
        JsonObject reissued = issueAccount(api, partnerA.tenantId());
        try (JMSContext again = connect(reissued)) {
            again.createConsumer(again.createQueue(reissued.getString("readFrom"))).close();
        }
        assertThrows(JMSRuntimeException.class, () -> connect(accountA).close(), "the old password stopped working");
    }

    @Test
    void aSuppliersFeedUpdatesTheCatalogShopsSeeWholeBatchesOnly() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        String shopToken = api.token(fixtures.activeShop("Catalog Reader Motors", -1.2676, 36.8108, 15, make).email());
        Fixtures supplier = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, supplier.tenantId());
        try (JMSContext amqp = connect(account);
             JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")));
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            // a full feed in two batches
            send(amqp, PartnerMessages.CATALOG_FEED, "full-1/1", "full-1", feed("full-1", "FULL", 1, false,
                    item("BP-1001", "Brakeline", "Brake pad set front", "4500.00", "3900.00", make, "Corolla", 2014, 2018, "04465-02220"),
                    item("OF-2002", "Filtra", "Oil filter", "950.00", null, make, "Corolla", 2016, 2016, null)));
            send(amqp, PartnerMessages.CATALOG_FEED, "full-1/2", "full-1", feed("full-1", "FULL", 2, true,
                    item("AF-3003", "Filtra", "Air filter", "1200.00", null, make, "Corolla", 2010, 2012, null)));
            assertEquals(1, json(receive(outbound, PartnerMessages.CATALOG_FEED_APPLIED)).getInt("batch"), "taken in the order sent");
            JsonObject second = json(receive(outbound, PartnerMessages.CATALOG_FEED_APPLIED));
            assertEquals(2, second.getInt("batch"));
            assertEquals(0, second.getInt("withdrawn"));

            JsonObject for2016 = fitting(shopToken, make, "corolla", 2016, null);
            assertEquals(List.of("BP-1001", "OF-2002"), partNumbers(for2016), "what fits a 2016 Corolla, not the 2010-2012 part");
            JsonObject pads = for2016.getJsonArray("items").getJsonObject(0);
            assertEquals("Brakeline", pads.getString("brand"));
            assertEquals(0, new java.math.BigDecimal("3900.00").compareTo(pads.getJsonNumber("netPrice").bigDecimalValue()));
            assertEquals("ceramic", pads.getJsonObject("attributes").getString("material"));
            assertEquals(List.of("04465-02220"), pads.getJsonArray("interchangeNumbers").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList());
            assertEquals(2014, pads.getJsonArray("fitment").getJsonObject(0).getInt("yearFrom"));
            assertEquals(List.of("BP-1001"), partNumbers(fitting(shopToken, make, "Corolla", 2016, "04465-02220")),
                    "found by another maker's number");

            // a change: a new price, a part withdrawn
            send(amqp, PartnerMessages.CATALOG_FEED, "inc-1", null, Json.createObjectBuilder(feed("inc-1", "INCREMENTAL", 1, true,
                    item("BP-1001", "Brakeline", "Brake pad set front", "4700.00", "4100.00", make, "Corolla", 2014, 2018, null)))
                    .add("removed", Json.createArrayBuilder().add(Json.createObjectBuilder().add("partNumber", "OF-2002")
                            .add("brand", "Filtra"))).build());
            JsonObject incremental = json(receive(outbound, PartnerMessages.CATALOG_FEED_APPLIED));
            assertEquals(1, incremental.getInt("removed"));
            JsonObject changed = fitting(shopToken, make, "Corolla", 2016, null);
            assertEquals(List.of("BP-1001"), partNumbers(changed));
            assertEquals(0, new java.math.BigDecimal("4700.00").compareTo(changed.getJsonArray("items").getJsonObject(0)
                    .getJsonNumber("listPrice").bigDecimalValue()));

            // one bad item refuses the whole batch: the good item beside it is not applied either
            send(amqp, PartnerMessages.CATALOG_FEED, "inc-2", null, feed("inc-2", "INCREMENTAL", 1, true,
                    item("SP-4004", "Sparko", "Spark plug", "600.00", null, make, "Corolla", 2016, 2016, null),
                    item("SP-4005", "Sparko", " ", "-5", null, make, "Corolla", 2016, 2016, null)));
            Message refused = deadLetters.receive(WAIT_MS);
            assertNotNull(refused);
            assertEquals("invalid", refused.getStringProperty(PartnerMessages.REJECTION_CODE));
            String fields = refused.getStringProperty(PartnerMessages.FIELD_ERRORS);
            assertTrue(fields.contains("items[1].description") && fields.contains("items[1].price.list"), fields);
            assertEquals(List.of("BP-1001"), partNumbers(fitting(shopToken, make, "Corolla", 2016, null)), "nothing of the batch");

            // a new full feed without the air filter withdraws it
            send(amqp, PartnerMessages.CATALOG_FEED, "full-2", null, feed("full-2", "FULL", 1, true,
                    item("BP-1001", "Brakeline", "Brake pad set front", "4700.00", "4100.00", make, "Corolla", 2014, 2018, null)));
            assertEquals(1, json(receive(outbound, PartnerMessages.CATALOG_FEED_APPLIED)).getInt("withdrawn"));
            assertEquals(0, fitting(shopToken, make, "Corolla", 2011, null).getInt("total"));
            assertEquals(400, api.get("api/v1/catalog/supplier-parts?make=" + make, shopToken).status(), "model and year are needed");
        }
    }

    /** The examples of docs/partners, read as a partner copying them would. */
    static String example(String type) throws java.io.IOException {
        return java.nio.file.Files.readString(Path.of("..", "docs", "partners", "examples", type + ".json"));
    }

    @Test
    void theDocumentedExamplesAreTakenAsTheyAreWritten() throws Exception {
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        try (JMSContext amqp = connect(account);
             JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")));
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "example-submit", null, example(PartnerMessages.SUBMIT_PARTS_REQUEST));
            assertEquals("SUBMITTED", json(receive(outbound, PartnerMessages.PARTS_REQUEST_SUBMITTED)).getString("status"));
            send(amqp, PartnerMessages.CATALOG_FEED, "example-feed", null, example(PartnerMessages.CATALOG_FEED));
            assertTrue(json(receive(outbound, PartnerMessages.CATALOG_FEED_APPLIED)).getInt("items") > 0);
            // the example names a request and a quote of nobody's: it passes every check but that one
            send(amqp, PartnerMessages.ACCEPT_QUOTE, "example-accept", null, example(PartnerMessages.ACCEPT_QUOTE));
            Message refused = deadLetters.receive(WAIT_MS);
            assertNotNull(refused);
            assertEquals("not-found", refused.getStringProperty(PartnerMessages.REJECTION_CODE),
                    refused.getStringProperty(PartnerMessages.REJECTION_REASON));
        }
    }

    /**
     * The whole conversation from a Python proton client, as a partner without Java writes it from the docs: every
     * answer is JSON text with its content-type, no property without a value, and the answer to an accept comes
     * before the events it caused; a 10,000-item feed goes through.
     */
    @Test
    void aPartnersPythonProtonClientSubmitsAcceptsAndFeedsAsDocumented() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser shop = fixtures.activeShop("Proton Parts Kilimani", -1.2921, 36.7836, 15, make);
        String shopToken = api.token(shop.email());
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        String readFrom = account.getString("readFrom");
        ProtonPartner python = new ProtonPartner(account);

        long submittedAt = System.nanoTime();
        python.send(PartnerMessages.SUBMIT_PARTS_REQUEST, "py-request-1", "py-job-7", MarketplaceIT.partsRequest(make, 2).build().toString());
        JsonObject submitted = python.receive(readFrom, 1).get(0);
        long submitMillis = (System.nanoTime() - submittedAt) / 1_000_000;
        assertAnswer(submitted, PartnerMessages.PARTS_REQUEST_SUBMITTED, "py-job-7");
        String requestId = body(submitted).getString("id");

        JsonObject seenByShop = api.awaitDispatched(shopToken, requestId).getJsonObject("request");
        Api.Reply quoted = api.put("api/v1/shop/requests/" + requestId + "/quote", shopToken, MarketplaceIT.quote(seenByShop, "1800.00", "250"));
        assertEquals(200, quoted.status(), quoted.toString());
        JsonObject quote = python.receive(readFrom, 1).get(0);
        assertAnswer(quote, PartnerMessages.QUOTE_CHANGED, "py-job-7");

        python.send(PartnerMessages.ACCEPT_QUOTE, "py-accept-1", null, Json.createObjectBuilder()
                .add("requestId", requestId).add("quoteId", body(quote).getString("id")).build().toString());
        List<JsonObject> afterAccepting = python.receive(readFrom, 3);
        assertEquals(List.of(PartnerMessages.QUOTE_ACCEPTED, PartnerMessages.QUOTE_CHANGED, PartnerMessages.ORDER_CHANGED),
                afterAccepting.stream().map(m -> m.getJsonObject("properties").getString(PartnerMessages.TYPE)).toList(),
                "the answer to the accept first, then the events it caused");
        afterAccepting.forEach(m -> assertAnswer(m, m.getJsonObject("properties").getString(PartnerMessages.TYPE), "py-job-7"));
        JsonObject order = body(afterAccepting.get(2));
        assertEquals(order.getString("id"), body(afterAccepting.get(0)).getString("orderId"));

        // the fleet pays by bank transfer over the broker; the shop confirms the money and the order is paid
        python.send(PartnerMessages.PAY_ORDER, "py-pay-1", null, Json.createObjectBuilder().add("orderId", order.getString("id"))
                .add("method", "BANK_TRANSFER").build().toString());
        JsonObject chosen = python.receive(readFrom, 1).get(0);
        assertAnswer(chosen, PartnerMessages.ORDER_CHANGED, "py-job-7");
        assertEquals("BANK_TRANSFER", body(chosen).getString("paymentMethod"));
        assertEquals("AWAITING_PAYMENT", body(chosen).getString("status"));
        Api.Reply confirmed = api.post("api/v1/orders/" + order.getString("id") + "/payments", shopToken, Json.createObjectBuilder()
                .add("amount", order.getJsonNumber("total").bigDecimalValue()).add("currency", "KES").add("reference", "FLEET-TT-1").build());
        assertEquals(200, confirmed.status(), confirmed.toString());
        JsonObject paid = python.receive(readFrom, 1).get(0);
        assertEquals("PAID", body(paid).getString("status"), "order.changed follows the order once paid");

        JsonObject[] items = new JsonObject[10_000];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("PY-" + i, "Bulk", "Bulk part number " + i, "100.00", null, make, "Note", 2010, 2020, null);
        }
        long feedAt = System.nanoTime();
        python.send(PartnerMessages.CATALOG_FEED, "py-feed-1", null, feed("py-feed-1", "FULL", 1, true, items).toString());
        JsonObject applied = python.receive(readFrom, 1).get(0);
        long feedMillis = (System.nanoTime() - feedAt) / 1_000_000;
        assertAnswer(applied, PartnerMessages.CATALOG_FEED_APPLIED, "py-feed-1");
        assertEquals(10_000, body(applied).getInt("items"));
        System.out.printf("python proton client: submit answered in %d ms (process start included); 10,000-item feed "
                + "applied in %d ms%n", submitMillis, feedMillis);

        // the body is an AMQP string, as documented: bytes are refused, whatever content-type they declare
        python.send(PartnerMessages.SUBMIT_PARTS_REQUEST, "py-json-bytes", null, MarketplaceIT.partsRequest(make, 1).build().toString(),
                "json-bytes");
        python.send(PartnerMessages.SUBMIT_PARTS_REQUEST, "py-bytes", null, MarketplaceIT.partsRequest(make, 1).build().toString(),
                "bytes");
        List<JsonObject> refusedBytes = python.receive(account.getString("deadLetters"), 2);
        assertEquals(List.of("py-json-bytes", "py-bytes"), refusedBytes.stream()
                .map(m -> m.getJsonObject("properties").getString(PartnerMessages.MESSAGE_ID)).toList());
        refusedBytes.forEach(m -> assertEquals("malformed-envelope", m.getJsonObject("properties").getString(PartnerMessages.REJECTION_CODE)));
    }

    private static void assertAnswer(JsonObject received, String type, String correlationId) {
        assertEquals("application/json", received.isNull("contentType") ? null : received.getString("contentType"),
                "answers say they are JSON");
        assertTrue(received.getBoolean("bodyIsText"), "an AMQP string body");
        JsonObject properties = received.getJsonObject("properties");
        assertEquals(type, properties.getString(PartnerMessages.TYPE));
        assertEquals(1, properties.getInt(PartnerMessages.VERSION));
        assertEquals(correlationId, received.getString("correlationId"));
        List<String> empty = properties.entrySet().stream().filter(e -> e.getValue() == jakarta.json.JsonValue.NULL)
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), empty, "no property without a value");
    }

    private static JsonObject body(JsonObject received) {
        return Json.createReader(new StringReader(received.getString("body"))).readObject();
    }

    @Test
    void aFeedOfTenThousandItemsOverAmqpIsApplied() throws Exception {
        String make = fixtures.uniqueMake("NISSAN");
        Fixtures supplier = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, supplier.tenantId());
        JsonObject[] items = new JsonObject[10_000];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("BIG-" + i, "Bulk", "Bulk part number " + i, "100.00", null, make, "Note", 2010, 2020, null);
        }
        JsonObject feed = feed("big-1", "FULL", 1, true, items);
        try (JMSContext amqp = connect(account); JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")))) {
            send(amqp, PartnerMessages.CATALOG_FEED, "big-1", null, feed);
            assertEquals(10_000, json(receive(outbound, PartnerMessages.CATALOG_FEED_APPLIED)).getInt("items"),
                    "a " + feed.toString().length() / 1024 + " KiB batch is applied");
        }
    }

    @Test
    void aMessageTooLargeOrWithAnIdTooLongIsAnsweredOnThePartnersDeadLetterAddress() throws Exception {
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        try (JMSContext amqp = connect(account);
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            send(amqp, PartnerMessages.CATALOG_FEED, "too-large", null, "{\"items\": \"" + "x".repeat(PartnerMessages.MAX_BODY_CHARS) + "\"}");
            Message tooLarge = deadLetters.receive(WAIT_MS);
            assertNotNull(tooLarge, "a message over the limit is answered, not lost");
            assertEquals("too-large", tooLarge.getStringProperty(PartnerMessages.REJECTION_CODE));
            assertEquals("too-large", tooLarge.getStringProperty(PartnerMessages.MESSAGE_ID));

            String longId = "x".repeat(PartnerMessages.MAX_ID_LENGTH + 1);
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, longId, null, MarketplaceIT.partsRequest("TOYOTA", 1).build());
            Message malformed = deadLetters.receive(WAIT_MS);
            assertNotNull(malformed, "a message whose id is too long is answered, not retried into the platform's dead letters");
            assertEquals("malformed-envelope", malformed.getStringProperty(PartnerMessages.REJECTION_CODE));

            TextMessage versionAsText = envelope(amqp.createTextMessage(MarketplaceIT.partsRequest("TOYOTA", 1).build().toString()),
                    PartnerMessages.SUBMIT_PARTS_REQUEST, "version-as-text");
            versionAsText.setStringProperty(PartnerMessages.VERSION, "1");
            amqp.createProducer().send(amqp.createQueue(Destinations.PARTNER_INBOUND), versionAsText);
            Message textVersion = deadLetters.receive(WAIT_MS);
            assertNotNull(textVersion, "the version is an integer property, as the contract says, not the text \"1\"");
            assertEquals("malformed-envelope", textVersion.getStringProperty(PartnerMessages.REJECTION_CODE));
        }
        JsonObject traffic = api.get("api/v1/partners/" + partner.tenantId() + "/traffic", api.token(IntegrationServices.PLATFORM_ADMIN)).json();
        assertEquals(3, traffic.getJsonNumber("refused").intValue(), "every refusal counted: " + traffic);
    }

    @Test
    void aBridgeFromAPartnersOwnBrokerDeliversEverythingOnceAcrossThatBrokerGoingDown(@TempDir Path partnerBrokerDirectory)
            throws Exception {
        String make = fixtures.uniqueMake("ISUZU");
        fixtures.activeShop("Bridge Parts Upper Hill", -1.2676, 36.8108, 15, make);
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        String body = MarketplaceIT.partsRequest(make, 1).build().toString();
        String applied = "SELECT count(*) FROM partner_message WHERE tenant_id = ? AND outcome = 'APPLIED'";
        try (PartnerOwnBroker own = new PartnerOwnBroker(partnerBrokerDirectory, "127.0.0.1", IntegrationServices.BROKER_PORT,
                account.getString("username"), account.getString("password")).start()) {
            sendThroughOwnBroker(own, 0, 30, body);
            own.stop(); // at once: part of what it took is still to be forwarded
            long beforeRestart = Fixtures.count(applied, partner.tenantId());
            own.start();
            sendThroughOwnBroker(own, 30, 50, body);
            Await.until(() -> Fixtures.count(applied, partner.tenantId()), n -> n == 50, java.time.Duration.ofSeconds(60));
            Thread.sleep(1_000); // room for a duplicate to show
            System.out.printf("partner's own broker stopped with %d of its first 30 messages applied; all 50 arrived once%n", beforeRestart);
        }
        assertEquals(50, Fixtures.count(applied, partner.tenantId()));
        assertEquals(50, Fixtures.count("SELECT count(*) FROM parts_request r JOIN partner_buyer b ON b.customer_id = r.customer_id "
                + "WHERE b.tenant_id = ?", partner.tenantId()), "fifty requests, none twice");
        try (JMSContext amqp = connect(account); JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")))) {
            java.util.Set<String> answered = new java.util.HashSet<>();
            for (Message m; (m = outbound.receive(2_000)) != null; ) {
                if (PartnerMessages.PARTS_REQUEST_SUBMITTED.equals(m.getStringProperty(PartnerMessages.TYPE))) {
                    assertTrue(answered.add(m.getJMSCorrelationID()), "one answer per message: " + m.getJMSCorrelationID());
                }
            }
            assertEquals(50, answered.size());
        }
    }

    @Test
    void aBridgeToAPartnersOwnBrokerDeliversTheAnswersOnceAcrossThatBrokerGoingDown(@TempDir Path partnerBrokerDirectory)
            throws Exception {
        String make = fixtures.uniqueMake("ISUZU");
        fixtures.activeShop("Bridge Parts Westlands", -1.2676, 36.8108, 15, make);
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(api, partner.tenantId());
        String body = MarketplaceIT.partsRequest(make, 1).build().toString();
        String applied = "SELECT count(*) FROM partner_message WHERE tenant_id = ? AND outcome = 'APPLIED'";
        try (PartnerOwnBroker own = new PartnerOwnBroker(partnerBrokerDirectory, "127.0.0.1", IntegrationServices.BROKER_PORT,
                account.getString("username"), account.getString("password")).start();
             JMSContext amqp = connect(account)) {
            configureBridges(partner.tenantId() + ".url=" + own.url() + "\n" + partner.tenantId() + ".address="
                    + PartnerOwnBroker.INCOMING + "\n" + partner.tenantId() + ".user=clutch\n" + partner.tenantId()
                    + ".password=given-by-the-partner\n");
            for (int i = 0; i < 10; i++) {
                send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "out-bridge-" + i, "job-" + i, body);
            }
            List<String> answered = new ArrayList<>(submittedOnOwnBroker(own, 10));
            own.stop(); // the partner's broker goes down; the platform keeps answering into its outbound address
            for (int i = 10; i < 30; i++) {
                send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "out-bridge-" + i, "job-" + i, body);
            }
            Await.until(() -> Fixtures.count(applied, partner.tenantId()), n -> n == 30, Duration.ofSeconds(60));
            own.start();
            answered.addAll(submittedOnOwnBroker(own, 20));
            assertEquals(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "job-" + i).sorted().toList(),
                    answered.stream().sorted().toList(), "every answer once, in its conversation");
            try (JMSContext local = own.local().createContext()) {
                assertNull(local.createConsumer(local.createQueue(PartnerOwnBroker.INCOMING)).receive(1_000), "and nothing twice");
            }

            configureBridges(""); // the bridge removed: the partner reads its outbound address itself again
            Thread.sleep(1_000);
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "out-bridge-30", "job-30", body);
            try (JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")))) {
                assertEquals("job-30", receive(outbound, PartnerMessages.PARTS_REQUEST_SUBMITTED).getJMSCorrelationID());
            }
        } finally {
            configureBridges("");
        }
    }

    /** As an operator edits the broker's bridges file: written whole, then moved into place. */
    private static void configureBridges(String properties) throws java.io.IOException {
        Path file = IntegrationServices.partnerBridges();
        Path next = file.resolveSibling(file.getFileName() + ".next");
        java.nio.file.Files.writeString(next, properties);
        java.nio.file.Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The conversations of the next {@code count} answers the bridge put on the partner's own broker. */
    private static List<String> submittedOnOwnBroker(PartnerOwnBroker own, int count) throws JMSException {
        List<String> conversations = new ArrayList<>();
        try (JMSContext local = own.local().createContext();
             JMSConsumer incoming = local.createConsumer(local.createQueue(PartnerOwnBroker.INCOMING))) {
            for (int i = 0; i < count; i++) {
                Message answer = incoming.receive(30_000);
                assertNotNull(answer, "answer " + (i + 1) + " of " + count + " on the partner's own broker");
                assertEquals(PartnerMessages.PARTS_REQUEST_SUBMITTED, answer.getStringProperty(PartnerMessages.TYPE));
                conversations.add(answer.getJMSCorrelationID());
            }
        }
        return conversations;
    }

    private static void sendThroughOwnBroker(PartnerOwnBroker own, int from, int to, String body) throws JMSException {
        try (JMSContext local = own.local().createContext(JMSContext.SESSION_TRANSACTED)) {
            for (int i = from; i < to; i++) {
                TextMessage message = envelope(local.createTextMessage(body), PartnerMessages.SUBMIT_PARTS_REQUEST, "bridged-" + i);
                local.createProducer().send(local.createQueue(PartnerOwnBroker.OUTGOING), message);
            }
            local.commit();
        }
    }

    private JsonObject fitting(String token, String make, String model, int year, String text) {
        Api.Reply reply = api.get("api/v1/catalog/supplier-parts?make=" + make + "&model=" + model + "&year=" + year
                + (text == null ? "" : "&q=" + text), token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static List<String> partNumbers(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(p -> p.getString("partNumber")).toList();
    }

    static JsonObject feed(String feedId, String mode, int batch, boolean last, JsonObject... items) {
        jakarta.json.JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject item : items) {
            list.add(item);
        }
        return Json.createObjectBuilder().add("feedId", feedId).add("mode", mode).add("batch", batch).add("lastBatch", last)
                .add("items", list).build();
    }

    static JsonObject item(String number, String brand, String description, String list, String net, String make, String model,
            int from, int to, String interchange) {
        jakarta.json.JsonObjectBuilder price = Json.createObjectBuilder().add("currency", "KES").add("list", new java.math.BigDecimal(list));
        if (net != null) {
            price.add("net", new java.math.BigDecimal(net));
        }
        jakarta.json.JsonArrayBuilder interchangeNumbers = Json.createArrayBuilder();
        if (interchange != null) {
            interchangeNumbers.add(interchange);
        }
        return Json.createObjectBuilder().add("partNumber", number).add("brand", brand).add("description", description)
                .add("attributes", Json.createObjectBuilder().add("material", "ceramic")).add("price", price)
                .add("interchangeNumbers", interchangeNumbers)
                .add("fitment", Json.createArrayBuilder().add(Json.createObjectBuilder().add("make", make).add("model", model)
                        .add("yearFrom", from).add("yearTo", to).add("position", "front")))
                .build();
    }

    /** A partner's broker account, issued by a platform admin. */
    static JsonObject issueAccount(Api api, UUID partnerTenantId) {
        Api.Reply issued = api.post("api/v1/partners/" + partnerTenantId + "/broker-account", api.token(IntegrationServices.PLATFORM_ADMIN),
                null);
        assertEquals(200, issued.status(), issued.toString());
        return issued.json();
    }

    static JMSContext connect(JsonObject account) {
        return new JmsConnectionFactory(account.getString("username"), account.getString("password"),
                "amqp://127.0.0.1:" + IntegrationServices.BROKER_AMQP_PORT).createContext();
    }

    static void send(JMSContext amqp, String type, String messageId, String correlationId, JsonObject body) throws JMSException {
        send(amqp, type, messageId, correlationId, body.toString());
    }

    /** The envelope every partner message carries (docs/partners): type, version 1, the sender's message id. */
    static TextMessage envelope(TextMessage message, String type, String messageId) throws JMSException {
        message.setStringProperty(PartnerMessages.TYPE, type);
        message.setIntProperty(PartnerMessages.VERSION, 1);
        if (messageId != null) {
            message.setStringProperty(PartnerMessages.MESSAGE_ID, messageId);
        }
        return message;
    }

    static void send(JMSContext amqp, String type, String messageId, String correlationId, String body) throws JMSException {
        TextMessage message = envelope(amqp.createTextMessage(body), type, messageId);
        message.setStringProperty("_AMQ_DUPL_ID", messageId);
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        amqp.createProducer().send(amqp.createQueue(Destinations.PARTNER_INBOUND), message);
    }

    /** The next message of the type on the partner's outbound address (others before it are skipped). */
    static Message receive(JMSConsumer consumer, String type) throws JMSException {
        return receiveAll(consumer, type).get(type);
    }

    static Map<String, Message> receiveAll(JMSConsumer consumer, String... types) throws JMSException {
        Map<String, Message> found = new HashMap<>();
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (found.size() < types.length) {
            Message m = consumer.receive(Math.max(1, deadline - System.currentTimeMillis()));
            assertNotNull(m, "waited for " + List.of(types) + ", saw only " + seen);
            String type = m.getStringProperty(PartnerMessages.TYPE);
            seen.add(type);
            if (List.of(types).contains(type)) {
                found.putIfAbsent(type, m);
            }
        }
        return found;
    }

    static JsonObject json(Message message) throws JMSException {
        try (var reader = Json.createReader(new StringReader(((TextMessage) message).getText()))) {
            return reader.readObject();
        }
    }
}
