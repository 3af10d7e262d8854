package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Asked on every authenticated request: does the token's session still stand? A logout, a revocation or a
 * detected refresh-token theft thereby stops access tokens at once instead of when they expire. One primary-key
 * read; sessions are not tenant-owned, so no row scope is needed.
 */
@Stateless
public class ActiveSessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public boolean isActive(UUID sessionId) {
        AuthSession session = sessionId == null ? null : em.find(AuthSession.class, sessionId);
        return session != null && session.isActiveAt(OffsetDateTime.now(clock));
    }
}
