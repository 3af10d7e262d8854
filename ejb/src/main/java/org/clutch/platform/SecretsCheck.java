package org.clutch.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.List;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** At start, before the database is touched: refuses to run outside development mode with a bundled secret. */
@Singleton
@Startup
public class SecretsCheck {

    private static final Logger LOG = Logger.getLogger(SecretsCheck.class.getName());

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        List<String> problems = BundledSecrets.problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            String message = "Clutch will not start with development secrets: " + String.join("; ", problems)
                    + ". (On a developer's machine only, CLUTCH_DEVELOPMENT_MODE=true allows them.)";
            LOG.severe(() -> "event=bundled-secrets-refused " + message);
            throw new IllegalStateException(message);
        }
    }
}
