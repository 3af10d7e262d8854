package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Car owners sign themselves up: a customer and its account, in one transaction. */
@Interceptors(RowScope.class)
@Stateless
@ForAllTenants
public class CustomerRegistration {

    public record NewCustomer(String email, String password, String displayName) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher passwords;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public AccountView register(NewCustomer input, String address) {
        String email = UserAccount.normalizeEmail(input.email());
        PasswordPolicy.check("password", input.password(), email);
        // Serialise sign-ups of one address so that two simultaneous ones cannot both pass the check below.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 1))) AS locked")
                .setParameter(1, email).getSingleResult();
        boolean taken = !em.createQuery("select a.id from UserAccount a where lower(a.email) = :e", UUID.class)
                .setParameter("e", email).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new StateConflictException("An account with this e-mail address already exists; log in or reset the password.");
        }
        UUID customerId = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO customer (id, display_name) VALUES (?1, ?2)")
                .setParameter(1, customerId).setParameter(2, input.displayName().strip()).executeUpdate();
        UserAccount account = UserAccount.customer(email, input.displayName(), passwords.hash(input.password()), customerId,
                OffsetDateTime.now(clock));
        em.persist(account);
        audit.record(AuditEntry.of(AuditAction.ACCOUNT_REGISTERED, null, account.id()).target("customer", customerId).from(address));
        return AccountView.of(account);
    }
}
