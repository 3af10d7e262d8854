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
import org.clutch.platform.NotFoundException;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Creates accounts: car owners sign themselves up (a customer and its account in one transaction), invited staff
 * accept their invitation, and the first platform administrator comes from configuration. One account per e-mail, checked under a lock on the e-mail.
 */
@Interceptors(RowScope.class)
@Stateless
@ForAllTenants
public class AccountCreation {

    private static final Logger LOG = Logger.getLogger(AccountCreation.class.getName());

    public record NewCustomer(String email, String password, String displayName) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    LoginThrottles throttles;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What a sign-up comes to: an account, an address that already has one, or a client address locked for a while. */
    public sealed interface Registration {
        record Registered(AccountView account) implements Registration {
        }

        record Taken() implements Registration {
        }

        record Throttled(Duration retryAfter) implements Registration {
        }
    }

    /**
     * Signs a car owner up. A sign-up with an address that already has an account is answered as such, and counts as a
     * failed login of the client's address: telling which addresses have accounts is then as slow as guessing passwords
     * (the address's lock applies to both).
     */
    public Registration registerCustomer(NewCustomer input, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoginThrottle byAddress = throttles.forAddress(em, address);
        Duration wait = byAddress.lockedFor(now);
        if (!wait.isZero()) {
            return new Registration.Throttled(wait);
        }
        String email = UserAccount.normalizeEmail(input.email());
        PasswordPolicy.check("password", input.password(), email);
        if (accounts.lockAndCheckTaken(email)) {
            byAddress.recordFailure(now, throttles.addressPolicy());
            return new Registration.Taken();
        }
        UUID customerId = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO customer (id, display_name) VALUES (?1, ?2)")
                .setParameter(1, customerId).setParameter(2, input.displayName().strip()).executeUpdate();
        UserAccount account = UserAccount.customer(email, input.displayName(), passwords.hash(input.password()), customerId, now);
        em.persist(account);
        audit.record(AuditEntry.of(AuditAction.ACCOUNT_REGISTERED, null, account.id()).target("customer", customerId).from(address));
        return new Registration.Registered(AccountView.of(account));
    }

    /**
     * Turns an invitation into an account: the holder of the token chooses a password (and may correct the name).
     * A used, revoked, expired or unknown token is refused alike.
     */
    public AccountView acceptInvitation(String token, String displayName, String password, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        StaffInvitation invitation = em.createQuery("select i from StaffInvitation i where i.tokenHash = :h", StaffInvitation.class)
                .setParameter("h", SecretTokens.sha256(token)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .filter(i -> i.stateAt(now) == StaffInvitation.State.PENDING)
                .orElseThrow(() -> new NotFoundException("invitation (used, revoked, expired or unknown)"));
        PasswordPolicy.check("password", password, invitation.email());
        if (accounts.lockAndCheckTaken(invitation.email())) {
            throw new StateConflictException("An account with this e-mail address already exists; log in instead.");
        }
        UserAccount account = invitation.accept(displayName, passwords.hash(password), now);
        em.persist(account);
        audit.record(AuditEntry.of(AuditAction.INVITATION_ACCEPTED, invitation.tenantId(), account.id())
                .target("invitation", invitation.id()).from(address).detail(account.role().name()));
        LOG.info(() -> "event=invitation-accepted user=" + account.id() + " tenant=" + invitation.tenantId());
        return AccountView.of(account);
    }

    /**
     * Creates the platform administrator unless an account with the e-mail exists; a later change of the
     * configured password does not overwrite a real one. A configured password that breaks the policy stops start-up.
     */
    public void ensurePlatformAdmin(String configuredEmail, String configuredPassword) {
        String email = UserAccount.normalizeEmail(configuredEmail);
        if (accounts.lockAndCheckTaken(email)) {
            return;
        }
        String reason = PasswordPolicy.reasonToRefuse(configuredPassword, email);
        if (reason != null) {
            throw new IllegalStateException("clutch.platform-admin.password " + reason);
        }
        UserAccount admin = UserAccount.platformAdmin(email, passwords.hash(configuredPassword), OffsetDateTime.now(clock));
        em.persist(admin);
        audit.record(AuditEntry.of(AuditAction.PLATFORM_ADMIN_CREATED, null, admin.id()).detail("from configuration"));
        LOG.info(() -> "event=platform-admin-created user=" + admin.id());
    }
}
