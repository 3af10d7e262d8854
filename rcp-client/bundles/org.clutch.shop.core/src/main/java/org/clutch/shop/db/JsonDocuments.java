package org.clutch.shop.db;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider the desktop writes and reads its outbox payloads, stamps and inbox messages with, found once.
 * Each static {@code jakarta.json.Json.createXxx} call looks the provider up again through {@link java.util.ServiceLoader}
 * (a scan of the class path, or of the bundle's wiring under OSGi), several times for every sale closed, and those
 * look-ups were an eighth of the desktop's CPU while recording sales.
 */
public final class JsonDocuments {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonDocuments() {
    }
}
