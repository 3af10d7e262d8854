package org.clutch.accounts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One of the caller's login sessions, as listed to the caller; {@code current} marks the one asking. */
public record SessionView(UUID id, String device, String address, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
        OffsetDateTime expiresAt, boolean current) {

    static SessionView of(AuthSession session, UUID currentId) {
        return new SessionView(session.id(), session.device(), session.address(), session.createdAt(), session.lastUsedAt(),
                session.expiresAt(), session.id().equals(currentId));
    }
}
