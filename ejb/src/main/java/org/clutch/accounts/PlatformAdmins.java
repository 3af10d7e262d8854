package org.clutch.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * At start, makes sure the platform administrator named in configuration (clutch.platform-admin.email and
 * .password) exists; see {@link AccountCreation#ensurePlatformAdmin}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class PlatformAdmins {

    private static final Logger LOG = Logger.getLogger(PlatformAdmins.class.getName());

    @Inject
    AccountCreation accountCreation;

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
        accountCreation.ensurePlatformAdmin(email.get(), password.get());
    }
}
