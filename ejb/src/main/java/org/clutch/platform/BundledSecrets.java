package org.clutch.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The secrets that ship with the application for development (the token key pair, the second-factor encryption
 * key, the database password): anyone with the repository knows them. Outside development mode a deployment that
 * still uses one is refused, naming the variable to set.
 */
public final class BundledSecrets {

    /** Where the shipped defaults are: a value equal to the one shipped there is a bundled one. */
    static final String SHIPPED_CONFIG = "META-INF/microprofile-config.properties";
    static final String DEVELOPMENT_MODE = "clutch.development-mode";

    /** A setting that holds a secret, and the environment variable that sets it. */
    record Secret(String property, String variable, String what) {
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("clutch.jwt.signing-key.location", "CLUTCH_JWT_SIGNING_KEY_LOCATION", "the bundled token signing key"),
            new Secret("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "the bundled token verification key"),
            new Secret("clutch.mfa.encryption-key", "CLUTCH_MFA_ENCRYPTION_KEY", "the bundled second-factor encryption key"),
            new Secret("db.password", "DB_PASSWORD", "the development database password"));

    private BundledSecrets() {
    }

    /** What is wrong with {@code config} (a setting's current value by name); empty in development mode or when all is set. */
    public static List<String> problems(Function<String, Optional<String>> config) {
        if (config.apply(DEVELOPMENT_MODE).map(Boolean::parseBoolean).orElse(false)) {
            return List.of();
        }
        Properties shipped = shipped();
        List<String> problems = new ArrayList<>();
        for (Secret secret : SECRETS) {
            String bundled = shipped.getProperty(secret.property());
            if (bundled != null && config.apply(secret.property()).map(bundled::equals).orElse(false)) {
                problems.add(secret.what() + " is in use: set " + secret.variable());
            }
        }
        return problems;
    }

    private static Properties shipped() {
        Properties properties = new Properties();
        try (InputStream in = BundledSecrets.class.getClassLoader().getResourceAsStream(SHIPPED_CONFIG)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
