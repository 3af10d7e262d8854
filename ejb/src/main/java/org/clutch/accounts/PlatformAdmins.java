package org.clutch.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.ForAllTenants;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first platform administrator from configuration (clutch.platform-admin.email and .password) when
 * no account has that e-mail yet. Later changes to the configured password do not overwrite a real one.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ForAllTenants
public class PlatformAdmins {

    private static final Logger LOG = Logger.getLogger(PlatformAdmins.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher passwords;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.platform-admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "clutch.platform-admin.password")
    Optional<String> password;

    @PostConstruct
    void ensureConfiguredAdmin() {
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warning("event=no-platform-admin-configured hint=set CLUTCH_PLATFORM_ADMIN_EMAIL and CLUTCH_PLATFORM_ADMIN_PASSWORD");
            return;
        }
        // @PostConstruct of a singleton is not intercepted by RowScope: state the platform scope here.
        em.createNativeQuery("SELECT set_config('clutch.scope', 'platform', true)").getSingleResult();
        String normalized = UserAccount.normalizeEmail(email.get());
        boolean exists = !em.createQuery("select a.id from UserAccount a where lower(a.email) = :e")
                .setParameter("e", normalized).getResultList().isEmpty();
        if (!exists) {
            String reason = PasswordPolicy.reasonToRefuse(password.get(), normalized);
            if (reason != null) {
                throw new IllegalStateException("clutch.platform-admin.password " + reason);
            }
            UserAccount admin = UserAccount.platformAdmin(normalized, passwords.hash(password.get()), OffsetDateTime.now(clock));
            em.persist(admin);
            audit.record(AuditEntry.of(AuditAction.PLATFORM_ADMIN_CREATED, null, admin.id()).detail("from configuration"));
            LOG.info(() -> "event=platform-admin-created user=" + admin.id());
        }
    }
}
