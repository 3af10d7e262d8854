package org.clutch.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * The envelope of every message between a partner's system and the platform (docs/partners): a JSON text body, and
 * as message properties (AMQP application properties) the type and version of the body, the sender's unique message
 * id (also the broker's duplicate-detection id), and a correlation id that follows a conversation: the platform's
 * answers and later events about the same request carry the correlation id of the message that started it.
 */
public final class PartnerMessages {

    public static final String TYPE = "clutch_type";
    public static final String VERSION = "clutch_version";
    public static final String MESSAGE_ID = "clutch_message_id";
    /** On a message in a partner's dead-letter address: a stable code, and the reason in words. */
    public static final String REJECTION_CODE = "clutch_rejection_code";
    public static final String REJECTION_REASON = "clutch_rejection_reason";
    /** On a message refused as invalid: a JSON array of {field, message}, as problem+json lists them on REST. */
    public static final String FIELD_ERRORS = "clutch_field_errors";

    // partner to platform
    public static final String SUBMIT_PARTS_REQUEST = "parts-request.submit";
    public static final String ACCEPT_QUOTE = "quote.accept";
    public static final String PAY_ORDER = "order.pay";
    public static final String CATALOG_FEED = "catalog.feed";
    public static final String ACKNOWLEDGE_PURCHASE_ORDER = "purchase-order.acknowledge";
    public static final String SHIP_PURCHASE_ORDER = "purchase-order.ship";
    // platform to partner
    public static final String PARTS_REQUEST_SUBMITTED = "parts-request.submitted";
    public static final String QUOTE_CHANGED = "quote.changed";
    public static final String QUOTE_ACCEPTED = "quote.accepted";
    public static final String ORDER_CHANGED = "order.changed";
    public static final String CATALOG_FEED_APPLIED = "catalog.feed-applied";
    public static final String PURCHASE_ORDER_PLACED = "purchase-order.placed";
    public static final String PURCHASE_ORDER_CANCELLED = "purchase-order.cancelled";

    /** Message ids are the partner's own; long enough for a UUID or a ULID with a prefix, short enough to index. */
    public static final int MAX_ID_LENGTH = 100;

    /**
     * The largest body a partner's message may have, in characters of its JSON text: a catalog feed batch of 10,000
     * items is about 5 MB. A larger one is answered on the partner's dead-letter address ({@code too-large}).
     */
    public static final int MAX_BODY_CHARS = 8 * 1024 * 1024;

    private PartnerMessages() {
    }

    /** A message as a partner sent it, its envelope checked. */
    public record Received(String messageId, String type, int version, String correlationId, String body) {
    }

    /** Why a message's envelope cannot be read, in words for the partner. */
    public static final class MalformedPartnerMessage extends Exception {
        public MalformedPartnerMessage(String reason) {
            super(reason);
        }
    }

    public static Received read(Message message) throws MalformedPartnerMessage {
        try {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                throw new MalformedPartnerMessage("the body must be JSON text (an AMQP string value or a JMS TextMessage)");
            }
            String id = required(message, MESSAGE_ID);
            if (id.length() > MAX_ID_LENGTH) {
                throw new MalformedPartnerMessage(MESSAGE_ID + " is longer than " + MAX_ID_LENGTH + " characters");
            }
            String type = required(message, TYPE);
            Object version = message.getObjectProperty(VERSION);
            // an integer property, as the contract says: the text "1" is refused rather than read as 1
            if (!(version instanceof Integer || version instanceof Long || version instanceof Short || version instanceof Byte)) {
                throw new MalformedPartnerMessage(VERSION + " must be an integer property (AMQP int or long), not "
                        + (version == null ? "missing" : version.getClass().getSimpleName() + " " + version));
            }
            int parsedVersion = ((Number) version).intValue();
            String correlation = message.getJMSCorrelationID();
            if (correlation != null && correlation.length() > MAX_ID_LENGTH) {
                throw new MalformedPartnerMessage("the correlation id is longer than " + MAX_ID_LENGTH + " characters");
            }
            return new Received(id, type, parsedVersion, correlation, text.getText());
        } catch (JMSException e) {
            throw new MalformedPartnerMessage("the message cannot be read: " + e.getMessage());
        }
    }

    private static String required(Message message, String property) throws JMSException, MalformedPartnerMessage {
        Object value = message.getObjectProperty(property);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new MalformedPartnerMessage("the property " + property + " is missing");
        }
        return String.valueOf(value);
    }

    /** Writes the envelope of a message to a partner. */
    public static void write(TextMessage message, String messageId, String type, int version, String correlationId, String body)
            throws JMSException {
        message.setText(body);
        message.setStringProperty(MESSAGE_ID, messageId);
        message.setStringProperty(SyncMessages.DUPLICATE_DETECTION_ID, messageId);
        message.setStringProperty(TYPE, type);
        message.setIntProperty(VERSION, version);
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
    }
}
