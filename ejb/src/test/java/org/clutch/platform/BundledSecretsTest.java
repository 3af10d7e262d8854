package org.clutch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BundledSecretsTest {

    /** The application's settings as shipped, as a deployment that sets nothing of its own has them. */
    private static Map<String, String> shipped() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = BundledSecrets.class.getClassLoader().getResourceAsStream(BundledSecrets.SHIPPED_CONFIG)) {
            properties.load(in);
        }
        Map<String, String> settings = new HashMap<>();
        properties.forEach((k, v) -> settings.put((String) k, (String) v));
        return settings;
    }

    private static List<String> problems(Map<String, String> settings) {
        return BundledSecrets.problems(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void aDeploymentThatSetsNothingIsRefusedNamingEachVariable() throws Exception {
        assertEquals(List.of(
                "the bundled token signing key is in use: set CLUTCH_JWT_SIGNING_KEY_LOCATION",
                "the bundled token verification key is in use: set MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "the bundled second-factor encryption key is in use: set CLUTCH_MFA_ENCRYPTION_KEY",
                "the development database password is in use: set DB_PASSWORD"), problems(shipped()));
    }

    @Test
    void eachBundledSecretAloneIsRefused() throws Exception {
        Map<String, String> own = shipped();
        own.put("clutch.jwt.signing-key.location", "/etc/clutch/jwt-private.pem");
        own.put("mp.jwt.verify.publickey.location", "/etc/clutch/jwt-public.pem");
        own.put("clutch.mfa.encryption-key", "k5bW0m1F2ZrQpTqv6c1bS9o3lJm4n8wY7xQeR2tUvWs=");
        own.put("db.password", "a long database password");
        assertTrue(problems(own).isEmpty(), "everything set: " + problems(own));
        Map<String, String> shipped = shipped();
        for (String property : List.of("clutch.jwt.signing-key.location", "mp.jwt.verify.publickey.location",
                "clutch.mfa.encryption-key", "db.password")) {
            Map<String, String> oneLeft = new HashMap<>(own);
            oneLeft.put(property, shipped.get(property));
            assertEquals(1, problems(oneLeft).size(), property + " left as shipped");
        }
    }

    @Test
    void developmentModeAllowsThem() throws Exception {
        Map<String, String> development = shipped();
        development.put(BundledSecrets.DEVELOPMENT_MODE, "true");
        assertTrue(problems(development).isEmpty());
    }
}
