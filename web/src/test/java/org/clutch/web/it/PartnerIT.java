package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
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

/**
 * A fleet operator's system on the broker, as a partner would connect: qpid-jms over AMQP 1.0 with the account a
 * platform admin issued. It submits a parts request for one of its vehicles, hears the shop's quote, accepts it and
 * hears of the order, all by message; what it sends wrong comes back on its dead-letter address with the reason.
 */
class PartnerIT extends DeployedApplication {

    private static final long WAIT_MS = 15_000;

    @Test
    void aFleetPartnersRequestIsDispatchedQuotedAndAcceptedByMessage() throws Exception {
        String make = fixtures.uniqueMake("TOYOTA");
        Fixtures.ShopUser shop = fixtures.activeShop("Fleet Parts Westlands", -1.2676, 36.8108, 15, make);
        String shopToken = api.token(shop.email());
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(partner.tenantId());
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
        JsonObject account = issueAccount(partner.tenantId());
        try (JMSContext amqp = connect(account);
             JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")));
             JMSConsumer deadLetters = amqp.createConsumer(amqp.createQueue(account.getString("deadLetters")))) {
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "bad-json", null, "{\"vehicle\": ");
            JsonObject noLines = MarketplaceIT.partsRequest(make, 1).build();
            String invalid = Json.createObjectBuilder(noLines).add("lines", Json.createArrayBuilder()).build().toString();
            send(amqp, PartnerMessages.SUBMIT_PARTS_REQUEST, "no-lines", null, invalid);
            send(amqp, "parts-request.teleport", "unknown-type", null, "{}");
            TextMessage noId = amqp.createTextMessage("{}");
            noId.setStringProperty(PartnerMessages.TYPE, PartnerMessages.SUBMIT_PARTS_REQUEST);
            noId.setIntProperty(PartnerMessages.VERSION, 1);
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
            assertEquals(3, Fixtures.count("SELECT count(*) FROM partner_message WHERE tenant_id = ? AND outcome = 'REJECTED'",
                    partner.tenantId()), "the refusals with a message id are recorded (the one without cannot be)");
        }
    }

    @Test
    void aMessageSentTwiceIsTakenOnce() throws Exception {
        String make = fixtures.uniqueMake("MAZDA");
        fixtures.activeShop("Fleet Parts Kilimani", -1.2676, 36.8108, 15, make);
        Fixtures partner = new Fixtures("PARTNER");
        JsonObject account = issueAccount(partner.tenantId());
        try (JMSContext amqp = connect(account); JMSConsumer outbound = amqp.createConsumer(amqp.createQueue(account.getString("readFrom")))) {
            String body = MarketplaceIT.partsRequest(make, 1).build().toString();
            // without the broker's duplicate-detection id: the platform itself must notice the repeat
            for (int i = 0; i < 2; i++) {
                TextMessage message = amqp.createTextMessage(body);
                message.setStringProperty(PartnerMessages.TYPE, PartnerMessages.SUBMIT_PARTS_REQUEST);
                message.setIntProperty(PartnerMessages.VERSION, 1);
                message.setStringProperty(PartnerMessages.MESSAGE_ID, "sent-twice");
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
        JsonObject accountA = issueAccount(partnerA.tenantId());
        JsonObject accountB = issueAccount(partnerB.tenantId());
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
        JsonObject reissued = issueAccount(partnerA.tenantId());
        try (JMSContext again = connect(reissued)) {
            again.createConsumer(again.createQueue(reissued.getString("readFrom"))).close();
        }
        assertThrows(JMSRuntimeException.class, () -> connect(accountA).close(), "the old password stopped working");
    }

    private JsonObject issueAccount(UUID partnerTenantId) {
        Api.Reply issued = api.post("api/v1/partners/" + partnerTenantId + "/broker-account", api.token(IntegrationServices.PLATFORM_ADMIN),
                null);
        assertEquals(200, issued.status(), issued.toString());
        return issued.json();
    }

    private static JMSContext connect(JsonObject account) {
        return new JmsConnectionFactory(account.getString("username"), account.getString("password"),
                "amqp://127.0.0.1:" + IntegrationServices.BROKER_AMQP_PORT).createContext();
    }

    private static void send(JMSContext amqp, String type, String messageId, String correlationId, String body) throws JMSException {
        TextMessage message = amqp.createTextMessage(body);
        message.setStringProperty(PartnerMessages.TYPE, type);
        message.setIntProperty(PartnerMessages.VERSION, 1);
        message.setStringProperty(PartnerMessages.MESSAGE_ID, messageId);
        message.setStringProperty("_AMQ_DUPL_ID", messageId);
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        amqp.createProducer().send(amqp.createQueue(Destinations.PARTNER_INBOUND), message);
    }

    /** The next message of the type on the partner's outbound address (others before it are skipped). */
    private static Message receive(JMSConsumer consumer, String type) throws JMSException {
        return receiveAll(consumer, type).get(type);
    }

    private static Map<String, Message> receiveAll(JMSConsumer consumer, String... types) throws JMSException {
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

    private static JsonObject json(Message message) throws JMSException {
        try (var reader = Json.createReader(new StringReader(((TextMessage) message).getText()))) {
            return reader.readObject();
        }
    }
}
