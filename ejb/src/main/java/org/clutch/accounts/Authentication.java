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
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.RowScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Login, refresh, logout and the caller's sessions. Works in the platform scope: an account is looked up by
 * e-mail before its tenant is known. Everything it refuses it refuses without saying why beyond "invalid
 * credentials", and every refusal is counted and audited in the same transaction that answers.
 */
@Interceptors(RowScope.class)
@Stateless
@ForAllTenants
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.session.lifetime", defaultValue = "P30D")
    Duration sessionLifetime;

    @Inject
    @ConfigProperty(name = "clutch.login.account.max-failures", defaultValue = "5")
    int accountMaxFailures;

    @Inject
    @ConfigProperty(name = "clutch.login.address.max-failures", defaultValue = "20")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "clutch.login.failure-window", defaultValue = "PT15M")
    Duration failureWindow;

    @Inject
    @ConfigProperty(name = "clutch.login.lockout", defaultValue = "PT15M")
    Duration lockout;

    public LoginOutcome login(String email, String password, String device, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String name = UserAccount.normalizeEmail(email);
        LoginThrottle byAccount = throttle("account:" + name);
        LoginThrottle byAddress = throttle("address:" + address);
        Duration wait = max(byAccount.lockedFor(now), byAddress.lockedFor(now));
        Optional<UserAccount> account = accounts.byEmail(name);
        if (!wait.isZero()) {
            audit.record(entry(AuditAction.LOGIN_FAILED, account, address).detail("locked"));
            return new LoginOutcome.Throttled(wait);
        }
        boolean valid = account.isPresent() && account.get().canLogIn()
                ? passwords.verify(password, account.get().passwordHash())
                : decoy(password);
        if (!valid) {
            boolean accountLocked = byAccount.recordFailure(now, new LoginThrottle.Policy(accountMaxFailures, failureWindow, lockout));
            boolean addressLocked = byAddress.recordFailure(now, new LoginThrottle.Policy(addressMaxFailures, failureWindow, lockout));
            audit.record(entry(AuditAction.LOGIN_FAILED, account, address)
                    .detail(account.isEmpty() ? "unknown account" : account.get().canLogIn() ? "wrong password" : "account disabled"));
            if (accountLocked || addressLocked) {
                audit.record(entry(AuditAction.LOGIN_LOCKED, account, address)
                        .detail((accountLocked ? "account" : "address") + " locked for " + lockout));
            }
            return new LoginOutcome.Refused();
        }
        UserAccount user = account.get();
        byAccount.clear();
        if (passwords.needsRehash(user.passwordHash())) {
            user.rehashPassword(passwords.hash(password));
        }
        String refreshToken = newRefreshToken();
        AuthSession session = new AuthSession(user.id(), device, address, hash(refreshToken), now, sessionLifetime);
        em.persist(session);
        audit.record(entry(AuditAction.LOGIN_SUCCEEDED, account, address).target("session", session.id()));
        LOG.info(() -> "event=login user=" + user.id() + " session=" + session.id());
        return new LoginOutcome.Granted(tokens(user, session, refreshToken));
    }

    /**
     * Exchanges a refresh token for a new pair; the presented token is spent. Presenting a spent token again
     * means someone else holds a copy, so the whole session is ended and both holders must log in again.
     */
    public Optional<TokenPair> refresh(String refreshToken, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String presented = hash(refreshToken);
        Optional<AuthSession> current = em.createQuery("select s from AuthSession s where s.refreshHash = :h", AuthSession.class)
                .setParameter("h", presented).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (current.isEmpty()) {
            SpentRefreshToken spent = em.find(SpentRefreshToken.class, presented);
            if (spent != null) {
                AuthSession stolen = em.find(AuthSession.class, spent.sessionId(), LockModeType.PESSIMISTIC_WRITE);
                stolen.revoke("refresh-token-reused", now);
                UserAccount user = em.find(UserAccount.class, stolen.userId());
                audit.record(entry(AuditAction.REFRESH_TOKEN_REUSED, Optional.of(user), address).target("session", stolen.id()));
                LOG.warning(() -> "event=refresh-token-reused session=" + stolen.id() + " user=" + stolen.userId());
            }
            return Optional.empty();
        }
        AuthSession session = current.get();
        UserAccount user = em.find(UserAccount.class, session.userId());
        if (!session.isActiveAt(now) || !user.canLogIn()) {
            return Optional.empty();
        }
        String next = newRefreshToken();
        em.persist(new SpentRefreshToken(session.rotate(hash(next), address, now), session.id(), now));
        return Optional.of(tokens(user, session, next));
    }

    public AccountView account(Actor actor) {
        return AccountView.of(em.find(UserAccount.class, actor.userId()));
    }

    public void logout(Actor actor, String address) {
        revokeOwn(actor, actor.sessionId(), "logout", AuditAction.LOGOUT, address);
    }

    public void revokeSession(Actor actor, UUID sessionId, String address) {
        revokeOwn(actor, sessionId, "revoked-by-owner", AuditAction.SESSION_REVOKED, address);
    }

    /** Ends every session of the caller, this one included. */
    public void logoutAll(Actor actor, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AuthSession> sessions = em.createQuery("select s from AuthSession s where s.userId = :u and s.revokedAt is null", AuthSession.class)
                .setParameter("u", actor.userId()).getResultList();
        sessions.forEach(s -> s.revoke("logout-all", now));
        audit.record(AuditEntry.of(AuditAction.LOGOUT_ALL, actor.tenantId(), actor.userId()).from(address)
                .detail(sessions.size() + " session(s)"));
    }

    /** The caller's sessions that still work, newest first. */
    public List<SessionView> sessions(Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("select s from AuthSession s where s.userId = :u and s.revokedAt is null and s.expiresAt > :now "
                        + "order by s.createdAt desc", AuthSession.class)
                .setParameter("u", actor.userId()).setParameter("now", now).getResultStream()
                .map(s -> SessionView.of(s, actor.sessionId())).toList();
    }

    private void revokeOwn(Actor actor, UUID sessionId, String reason, AuditAction action, String address) {
        AuthSession session = sessionId == null ? null : em.find(AuthSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.userId().equals(actor.userId())) {
            throw new NotFoundException("session " + sessionId);
        }
        session.revoke(reason, OffsetDateTime.now(clock));
        audit.record(AuditEntry.of(action, actor.tenantId(), actor.userId()).target("session", sessionId).from(address));
    }

    private TokenPair tokens(UserAccount user, AuthSession session, String refreshToken) {
        return new TokenPair(accessTokens.issue(user.actorIn(session.id()), user.email()), refreshToken,
                accessTokens.lifetimeSeconds(), session.id(), user.role());
    }

    /** The throttle row of a key, created on first use and locked for this transaction. */
    private LoginThrottle throttle(String key) {
        String bounded = key.length() > 300 ? key.substring(0, 300) : key;
        em.createNativeQuery("INSERT INTO login_throttle (throttle_key) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, bounded).executeUpdate();
        return em.find(LoginThrottle.class, bounded, LockModeType.PESSIMISTIC_WRITE);
    }

    private boolean decoy(String password) {
        passwords.verifyDecoy(password);
        return false;
    }

    private static AuditEntry entry(AuditAction action, Optional<UserAccount> account, String address) {
        return AuditEntry.of(action, account.map(UserAccount::tenantId).orElse(null), account.map(UserAccount::id).orElse(null))
                .from(address);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Refresh tokens are stored as SHA-256: random 256-bit values need no slow hash. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
