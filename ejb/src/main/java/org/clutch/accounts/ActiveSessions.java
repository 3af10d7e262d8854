package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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

    @Inject
    ApiKeyCredentials apiKeys;

    /** Ends every open session of an account (logout everywhere, a role change, a disabled account); answers how many. */
    public int endAll(UUID userId, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AuthSession> open = em.createQuery("select s from AuthSession s where s.userId = :u and s.revokedAt is null", AuthSession.class)
                .setParameter("u", userId).getResultList();
        open.forEach(s -> s.revoke(reason, now));
        return open.size();
    }

    /** A login session that stands, or, for a partner system's token, an API key that is neither revoked nor expired. */
    public boolean isActive(UUID sessionId) {
        if (sessionId == null) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        AuthSession session = em.find(AuthSession.class, sessionId);
        if (session != null) {
            return session.isActiveAt(now);
        }
        return apiKeys.isActive(sessionId);
    }
}
