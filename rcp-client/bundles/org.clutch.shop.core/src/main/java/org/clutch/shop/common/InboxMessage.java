package org.clutch.shop.common;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.io.StringReader;
import java.time.DateTimeException;
import java.util.function.Function;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.clutch.jms.SyncEvent;

/**
 * Reading a message of the shop's inbox that one part of the desktop takes (an order, a supplier's answer, settings):
 * of the type and version it reads, or refused with why, so that the sync sets it aside in its log. {@code what}
 * names the message in those words: "an order", "shop settings".
 */
public final class InboxMessage {

    private InboxMessage() {
    }

    /** @throws RuleException when the event is not {@code type} version 1 */
    public static void requireType(SyncEvent event, String type, String what) {
        if (!type.equals(event.type()) || event.version() != 1) {
            throw new RuleException("not " + what + " this desktop reads: " + event.type() + " version " + event.version());
        }
    }

    /** The payload of a {@code type} version 1 message, as {@code reader} takes it from the JSON. */
    public static <T> T read(SyncEvent event, String type, String what, Function<JsonObject, T> reader) {
        requireType(event, type, what);
        return readPayload(event.payload(), what, reader);
    }

    /** A payload as {@code reader} takes it from the JSON: one just received, or one kept from an earlier message. */
    public static <T> T readPayload(String payload, String what, Function<JsonObject, T> reader) {
        try (JsonReader json = JSON.createReader(new StringReader(payload))) {
            return reader.apply(json.readObject());
        } catch (JsonException | IllegalStateException | NullPointerException | ClassCastException | IllegalArgumentException
                | ArithmeticException | DateTimeException e) {
            throw new RuleException(what + " that cannot be read: " + e.getMessage());
        }
    }
}
