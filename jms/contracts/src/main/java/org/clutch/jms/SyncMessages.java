package org.clutch.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * How a {@link SyncEvent} is written on a JMS message and read back: the payload is the text body, the rest are
 * message properties (so a broker filter or a person browsing the queue sees them without parsing), the event id is
 * the broker's duplicate-detection id, and the shop is the message group, which keeps one shop's events in order
 * even with several consumers.
 */
public final class SyncMessages {

    /** Artemis drops a second message with the same value of this property (duplicate detection). */
    public static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";
    public static final String EVENT_ID = "clutch_event_id";
    public static final String SHOP_ID = "clutch_shop_id";
    public static final String TYPE = "clutch_event_type";
    public static final String VERSION = "clutch_event_version";
    public static final String SUBJECT_ID = "clutch_subject_id";
    public static final String OCCURRED_AT = "clutch_occurred_at";
    /** On a message in {@link Destinations#SYNC_REJECTED}: why it was not applied. */
    public static final String REJECTION_REASON = "clutch_rejection_reason";

    private SyncMessages() {
    }

    /** Puts the event on a new text message of this session or context. */
    public static void write(SyncEvent event, TextMessage message) throws JMSException {
        message.setText(event.payload());
        message.setStringProperty(DUPLICATE_DETECTION_ID, event.eventId().toString());
        message.setStringProperty(EVENT_ID, event.eventId().toString());
        message.setStringProperty(SHOP_ID, event.shopId().toString());
        message.setStringProperty("JMSXGroupID", event.shopId().toString());
        message.setStringProperty(TYPE, event.type());
        message.setIntProperty(VERSION, event.version());
        message.setStringProperty(SUBJECT_ID, event.subjectId().toString());
        message.setStringProperty(OCCURRED_AT, event.occurredAt().toString());
    }

    /**
     * Reads the event a message carries.
     *
     * @throws MalformedSyncMessage naming what is missing or wrong, for the rejection reason
     */
    public static SyncEvent read(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedSyncMessage("a sync event is a JSON text message, not a " + message.getClass().getSimpleName());
        }
        String payload = text.getText();
        if (payload == null || payload.isBlank()) {
            throw new MalformedSyncMessage("the message has no payload");
        }
        if (!message.propertyExists(VERSION)) {
            throw new MalformedSyncMessage("missing " + VERSION);
        }
        int version;
        try {
            version = message.getIntProperty(VERSION);
        } catch (NumberFormatException | JMSException e) {
            throw new MalformedSyncMessage(VERSION + " is not a whole number");
        }
        try {
            return new SyncEvent(uuid(message, EVENT_ID), uuid(message, SHOP_ID), required(message, TYPE), version,
                    uuid(message, SUBJECT_ID), instant(message), payload);
        } catch (IllegalArgumentException e) {
            throw e instanceof MalformedSyncMessage m ? m : new MalformedSyncMessage(e.getMessage());
        }
    }

    private static String required(Message message, String property) throws JMSException {
        String value = message.getStringProperty(property);
        if (value == null || value.isBlank()) {
            throw new MalformedSyncMessage("missing " + property);
        }
        return value;
    }

    private static UUID uuid(Message message, String property) throws JMSException {
        String value = required(message, property);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedSyncMessage(property + " is not a UUID: " + value);
        }
    }

    private static Instant instant(Message message) throws JMSException {
        String value = required(message, OCCURRED_AT);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedSyncMessage(OCCURRED_AT + " is not an ISO-8601 instant: " + value);
        }
    }

    /** A message that is not a readable sync event; its message is the reason given in the rejected queue. */
    public static final class MalformedSyncMessage extends IllegalArgumentException {

        public MalformedSyncMessage(String reason) {
            super(reason);
        }
    }
}
