package org.clutch.jms;

import java.util.Objects;
import java.util.UUID;

/**
 * Body of a message on {@link Destinations#QUOTE_REQUESTS}: "this parts request needs shops". It carries only
 * the id; the dispatcher reads the committed request itself, so the message never disagrees with the database.
 * Sent as JSON text: {@code {"schemaVersion":1,"requestId":"..."}}.
 */
public record QuoteRequested(int schemaVersion, UUID requestId) {

    public static final int CURRENT_VERSION = 1;

    public QuoteRequested {
        Objects.requireNonNull(requestId, "requestId");
        if (schemaVersion < 1 || schemaVersion > CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported QuoteRequested schemaVersion " + schemaVersion);
        }
    }

    public static QuoteRequested of(UUID requestId) {
        return new QuoteRequested(CURRENT_VERSION, requestId);
    }
}
