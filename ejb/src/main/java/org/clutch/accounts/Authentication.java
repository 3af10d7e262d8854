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
import org.clutch.tenancy.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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
    /** How long the code step of a login may take after the password step. */
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

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
    ActiveSessions activeSessions;

    @Inject
    LoginThrottles throttles;

    @Inject
    ApiKeyCredentials apiKeys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.session.lifetime", defaultValue = "P30D")
    Duration sessionLifetime;

    @Inject
    @ConfigProperty(name = "clutch.mfa.issuer", defaultValue = "Clutch")
    String mfaIssuer;

    @Inject
    @ConfigProperty(name = "clutch.platform-admin.mfa-required", defaultValue = "false")
    boolean platformAdminMfaRequired;

    public LoginOutcome login(String email, String password, String device, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String name = UserAccount.normalizeEmail(email);
        LoginThrottle byAccount = throttles.forAccount(em, name);
        LoginThrottle byAddress = throttles.forAddress(em, address);
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
            boolean accountLocked = byAccount.recordFailure(now, throttles.accountPolicy());
            boolean addressLocked = byAddress.recordFailure(now, throttles.addressPolicy());
            audit.record(entry(AuditAction.LOGIN_FAILED, account, address)
                    .detail(account.isEmpty() ? "unknown account" : account.get().canLogIn() ? "wrong password" : "account disabled"));
            if (accountLocked || addressLocked) {
                audit.record(entry(AuditAction.LOGIN_LOCKED, account, address)
                        .detail((accountLocked ? "account" : "address") + " locked for " + throttles.lockout()));
            }
            return new LoginOutcome.Refused();
        }
        UserAccount user = account.get();
        if (passwords.needsRehash(user.passwordHash())) {
            user.rehashPassword(passwords.hash(password));
        }
        boolean enrol = !user.mfaEnabled() && secondFactorRequired(user);
        if (user.mfaEnabled() || enrol) {
            // The account throttle is cleared only when the code is right too, so that knowing the password does
            // not buy unlimited guesses at the code.
            String challenge = SecretTokens.random();
            em.persist(new MfaChallenge(user.id(), SecretTokens.sha256(challenge), enrol, device, address, now, CHALLENGE_LIFETIME));
            String secret = enrol ? user.startMfaEnrolment() : null;
            audit.record(entry(AuditAction.LOGIN_SECOND_FACTOR_DUE, account, address).detail(enrol ? "enrolment required" : "code required"));
            return new LoginOutcome.SecondFactorRequired(challenge, CHALLENGE_LIFETIME.toSeconds(), enrol, secret,
                    enrol ? Totp.otpauthUri(mfaIssuer, user.email(), secret) : null);
        }
        byAccount.clear();
        return new LoginOutcome.Granted(startSession(user, device, address, now, null));
    }

    /**
     * The second step of a login that needs a second factor: the challenge from the password step and a code from
     * the authenticator app (or, for an enrolled account, one of its backup codes). A wrong code counts as a failed
     * login for the account and for the challenge.
     */
    public LoginOutcome completeLogin(String challengeToken, String code, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<MfaChallenge> found = em.createQuery("select c from MfaChallenge c where c.tokenHash = :h", MfaChallenge.class)
                .setParameter("h", SecretTokens.sha256(challengeToken)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().isOpenAt(now)) {
            return new LoginOutcome.Refused();
        }
        MfaChallenge challenge = found.get();
        UserAccount user = em.find(UserAccount.class, challenge.userId(), LockModeType.PESSIMISTIC_WRITE);
        LoginThrottle byAccount = throttles.forAccount(em, user.email());
        Duration wait = byAccount.lockedFor(now);
        if (!wait.isZero()) {
            return new LoginOutcome.Throttled(wait);
        }
        if (!user.canLogIn()) {
            return new LoginOutcome.Refused();
        }
        List<String> backupCodes = null;
        boolean accepted;
        if (challenge.enrolment()) {
            accepted = user.confirmMfaEnrolment(code, now.toInstant());
            if (accepted) {
                backupCodes = BackupCode.replaceAll(em, user.id());
                audit.record(entry(AuditAction.MFA_ENABLED, Optional.of(user), address).detail("at login"));
            }
        } else {
            accepted = user.acceptTotp(code, now.toInstant()) || useBackupCode(user, code, address, now);
        }
        if (!accepted) {
            challenge.failedAttempt();
            boolean locked = byAccount.recordFailure(now, throttles.accountPolicy());
            audit.record(entry(AuditAction.MFA_FAILED, Optional.of(user), address));
            if (locked) {
                audit.record(entry(AuditAction.LOGIN_LOCKED, Optional.of(user), address).detail("account locked for " + throttles.lockout()));
            }
            return new LoginOutcome.Refused();
        }
        challenge.use(now);
        byAccount.clear();
        return new LoginOutcome.Granted(startSession(user, challenge.device(), address, now, backupCodes));
    }

    private boolean useBackupCode(UserAccount user, String typed, String address, OffsetDateTime now) {
        if (typed == null || typed.isBlank()) {
            return false;
        }
        BackupCode code = em.find(BackupCode.class, backupKey(user.id(), typed), LockModeType.PESSIMISTIC_WRITE);
        if (code == null || !code.isUnused()) {
            return false;
        }
        // Counted before the use: the query flushes pending changes, so counting after would miss this code twice.
        long left = em.createQuery("select count(b) from BackupCode b where b.userId = :u and b.usedAt is null", Long.class)
                .setParameter("u", user.id()).getSingleResult() - 1;
        code.use(now);
        audit.record(entry(AuditAction.BACKUP_CODE_USED, Optional.of(user), address).detail(left + " left"));
        return true;
    }

    private static BackupCode.Key backupKey(UUID userId, String typed) {
        return BackupCode.Key.of(userId, BackupCode.hash(userId, typed));
    }

    /** Customers never need a second factor; platform admins by configuration; staff and admins by their tenant. */
    private boolean secondFactorRequired(UserAccount user) {
        return switch (user.role()) {
            case CUSTOMER -> false;
            case PLATFORM_ADMIN -> platformAdminMfaRequired;
            default -> em.find(Tenant.class, user.tenantId()).mfaRequired();
        };
    }

    private TokenPair startSession(UserAccount user, String device, String address, OffsetDateTime now, List<String> backupCodes) {
        String refreshToken = SecretTokens.random();
        AuthSession session = new AuthSession(user.id(), device, address, SecretTokens.sha256(refreshToken), now, sessionLifetime);
        em.persist(session);
        audit.record(entry(AuditAction.LOGIN_SUCCEEDED, Optional.of(user), address).target("session", session.id()));
        LOG.info(() -> "event=login user=" + user.id() + " session=" + session.id());
        TokenPair tokens = tokens(user, session, refreshToken);
        return backupCodes == null ? tokens : tokens.withBackupCodes(backupCodes);
    }

    /**
     * Exchanges a refresh token for a new pair; the presented token is spent. Presenting a spent token again
     * means someone else holds a copy, so the whole session is ended and both holders must log in again.
     */
    public Optional<TokenPair> refresh(String refreshToken, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String presented = SecretTokens.sha256(refreshToken);
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
        String next = SecretTokens.random();
        em.persist(new SpentRefreshToken(session.rotate(SecretTokens.sha256(next), address, now), session.id(), now));
        return Optional.of(tokens(user, session, next));
    }

    /** The caller's account; for a partner system's token, the API key it came from. */
    public AccountView account(Actor actor) {
        UserAccount user = em.find(UserAccount.class, actor.userId());
        if (user != null) {
            return AccountView.of(user);
        }
        return apiKeys.account(actor.userId()).orElseThrow(() -> new NotFoundException("account"));
    }

    public void logout(Actor actor, String address) {
        revokeOwn(actor, actor.sessionId(), "logout", AuditAction.LOGOUT, address);
    }

    public void revokeSession(Actor actor, UUID sessionId, String address) {
        revokeOwn(actor, sessionId, "revoked-by-owner", AuditAction.SESSION_REVOKED, address);
    }

    /** Ends every session of the caller, this one included. */
    public void logoutAll(Actor actor, String address) {
        int ended = activeSessions.endAll(actor.userId(), "logout-all");
        audit.record(AuditEntry.of(AuditAction.LOGOUT_ALL, actor.tenantId(), actor.userId()).from(address)
                .detail(ended + " session(s)"));
    }

    /**
     * Whether the caller typed its own password again, as before erasing its account. A wrong one counts as a failed
     * login of the account, so that a stolen token buys no more guesses than the login does.
     */
    public boolean confirmPassword(Actor actor, String password, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UserAccount> account = Optional.ofNullable(em.find(UserAccount.class, actor.userId()));
        if (account.isEmpty() || !account.get().canLogIn()) {
            return false;
        }
        LoginThrottle byAccount = throttles.forAccount(em, account.get().email());
        if (byAccount.lockedFor(now).isZero() && password != null && passwords.verify(password, account.get().passwordHash())) {
            return true;
        }
        byAccount.recordFailure(now, throttles.accountPolicy());
        audit.record(entry(AuditAction.LOGIN_FAILED, account, address).detail("wrong password to confirm an erasure"));
        return false;
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

}
