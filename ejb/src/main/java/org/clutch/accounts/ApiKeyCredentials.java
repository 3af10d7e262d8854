package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner system presents its API key and gets a short-lived access token (role PARTNER, its tenant, the key's
 * scopes), as in the OAuth client-credentials grant; the token stands only as long as the key does. Works in the
 * platform scope: the key is looked up before its tenant is known. Wrong keys count against the caller's address.
 */
@Interceptors(RowScope.class)
@Stateless
@ForAllTenants
public class ApiKeyCredentials {

    /** The token a key is exchanged for, and its scopes. */
    public record Exchanged(String accessToken, long expiresIn, java.util.List<String> scopes) {
    }

    /** The exchange: a token, or why not. */
    public sealed interface Outcome {
        record Granted(Exchanged token) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessTokens accessTokens;

    @Inject
    LoginThrottles throttles;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Outcome exchange(String presented, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoginThrottle byAddress = throttles.forAddress(em, address);
        Duration wait = byAddress.lockedFor(now);
        if (!wait.isZero()) {
            return new Outcome.Throttled(wait);
        }
        Optional<ApiKey> found = em.createQuery("select k from ApiKey k where k.secretHash = :h", ApiKey.class)
                .setParameter("h", SecretTokens.sha256(presented)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().isActiveAt(now)) {
            byAddress.recordFailure(now, throttles.addressPolicy());
            audit.record(AuditEntry.of(AuditAction.API_KEY_REFUSED, found.map(ApiKey::tenantId).orElse(null), null).from(address)
                    .target("api-key", found.map(ApiKey::id).orElse(null)).detail(found.isEmpty() ? "unknown key" : "revoked or expired"));
            return new Outcome.Refused();
        }
        ApiKey key = found.get();
        key.used(address, now);
        String token = accessTokens.issueForKey(key.actor(), "api-key:" + key.prefix(), key.scopes());
        return new Outcome.Granted(new Exchanged(token, accessTokens.lifetimeSeconds(), key.scopes()));
    }

    /** Whether the key behind a partner token still stands (asked on every request such a token makes). */
    public boolean isActive(UUID keyId) {
        ApiKey key = em.find(ApiKey.class, keyId);
        return key != null && key.isActiveAt(OffsetDateTime.now(clock));
    }

    /** What {@code GET /account} shows for a partner system's token. */
    public Optional<AccountView> account(UUID keyId) {
        return Optional.ofNullable(em.find(ApiKey.class, keyId)).map(AccountView::of);
    }
}
