package org.clutch.jms;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change travelling between a shop desktop and the backend: made on the desktop, to the backend on
 * {@link Destinations#SYNC_INBOUND}, or from the backend to the shop's own {@link Destinations#shopInbox inbox}. It
 * carries its unique id (also the broker's duplicate-detection id), the shop, what happened ({@code type} and its
 * {@code version}), the thing it happened to, when, and the details as a JSON object. {@link SyncMessages} maps it to
 * and from a JMS message, so desktop and backend read it the same way.
 */
public record SyncEvent(UUID eventId, UUID shopId, String type, int version, UUID subjectId, Instant occurredAt,
        String payload) {

    public SyncEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("event version must be 1 or more, not " + version);
        }
    }
}
