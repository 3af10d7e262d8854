package org.clutch.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An API key as its tenant's admins see it; {@code key} is present only in the answer that creates it. */
public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt, String lastUsedAddress, OffsetDateTime revokedAt, String key) {

    static ApiKeyView of(ApiKey k, String key) {
        return new ApiKeyView(k.id(), k.name(), k.prefix(), k.scopes(), k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.lastUsedAddress(),
                k.revokedAt(), key);
    }
}
