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
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A logged-in person's own second factor: add an authenticator app (confirmed by its first code, answered with
 * backup codes), replace the backup codes, or turn the second factor off where the tenant does not require it.
 * Every change needs a current code, so a stolen access token alone cannot change it. Staff and admins only.
 */
@Interceptors(RowScope.class)
@Stateless
public class MfaSettings {

    /** What an authenticator app needs to add the account. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    LoginThrottles throttles;

    @Inject
    @ConfigProperty(name = "clutch.mfa.issuer", defaultValue = "Clutch")
    String issuer;

    public Enrolment startEnrolment(Actor actor) {
        UserAccount user = own(actor);
        if (user.mfaEnabled()) {
            throw new StateConflictException("A second factor is already set up; turn it off first to move to another app.");
        }
        String secret = user.startMfaEnrolment();
        return new Enrolment(secret, Totp.otpauthUri(issuer, user.email(), secret));
    }

    public List<String> confirmEnrolment(Actor actor, String code, String address) {
        UserAccount user = own(actor);
        if (!user.mfaEnrolmentStarted()) {
            throw new StateConflictException("No enrolment is in progress; start one first.");
        }
        if (!user.confirmMfaEnrolment(code, clock.instant())) {
            throw wrongCode(user, actor, address);
        }
        audit.record(AuditEntry.of(AuditAction.MFA_ENABLED, actor.tenantId(), actor.userId()).from(address));
        return BackupCode.replaceAll(em, user.id());
    }

    public List<String> replaceBackupCodes(Actor actor, String code, String address) {
        UserAccount user = enrolled(actor);
        if (!user.acceptTotp(code, clock.instant())) {
            throw wrongCode(user, actor, address);
        }
        audit.record(AuditEntry.of(AuditAction.BACKUP_CODES_REPLACED, actor.tenantId(), actor.userId()).from(address));
        return BackupCode.replaceAll(em, user.id());
    }

    public void disable(Actor actor, String code, String address) {
        UserAccount user = enrolled(actor);
        if (actor.tenantId() != null && em.find(Tenant.class, actor.tenantId()).mfaRequired()) {
            throw new StateConflictException("Your organisation requires a second factor; it cannot be turned off.");
        }
        if (!user.acceptTotp(code, clock.instant())) {
            throw wrongCode(user, actor, address);
        }
        user.disableMfa();
        BackupCode.deleteAll(em, user.id());
        audit.record(AuditEntry.of(AuditAction.MFA_DISABLED, actor.tenantId(), actor.userId()).from(address));
    }

    /** The caller's account, locked; refused while wrong codes have locked it. */
    private UserAccount own(Actor actor) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PARTNER, Role.PLATFORM_ADMIN);
        UserAccount user = em.find(UserAccount.class, actor.userId(), LockModeType.PESSIMISTIC_WRITE);
        Duration wait = throttles.forAccount(em, user.email()).lockedFor(OffsetDateTime.now(clock));
        if (!wait.isZero()) {
            throw new StateConflictException("Too many wrong codes; try again in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " minute(s).");
        }
        return user;
    }

    private UserAccount enrolled(Actor actor) {
        UserAccount user = own(actor);
        if (!user.mfaEnabled()) {
            throw new StateConflictException("No second factor is set up for this account.");
        }
        return user;
    }

    /** A wrong code counts as a failed login of the account: a stolen access token cannot be used to guess codes. */
    private WrongCodeException wrongCode(UserAccount user, Actor actor, String address) {
        throttles.forAccount(em, user.email()).recordFailure(OffsetDateTime.now(clock), throttles.accountPolicy());
        audit.record(AuditEntry.of(AuditAction.MFA_FAILED, actor.tenantId(), actor.userId()).from(address));
        return new WrongCodeException();
    }
}
