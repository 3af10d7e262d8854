package org.clutch.web.it;

import org.clutch.launcher.DataDirectory;
import org.clutch.launcher.BrokerSecurity;
import org.clutch.launcher.EmbeddedBroker;
import org.clutch.launcher.EmbeddedDatabase;
import org.clutch.launcher.PayaraMicroCommands;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL and a real Artemis broker once per test JVM, before Arquillian boots Payara Micro, and
 * tells Arquillian (through system properties read by arquillian.xml) how Payara reaches them. Only active in
 * the integration-test JVM (failsafe sets clutch.it.dir).
 */
public class IntegrationServices implements LauncherSessionListener {

    public static final int PG_PORT = 25432;
    public static final int BROKER_PORT = 61626;
    /** AMQP 1.0, where partners' systems connect. */
    public static final int BROKER_AMQP_PORT = 61627;
    public static final String PLATFORM_ADMIN = "root@platform.test";
    /** The backend's own broker account in the tests (the broker is secured as in bin/start-backend). */
    public static final String BROKER_USER = "clutch-it";
    public static final String BROKER_PASSWORD = "clutch-it-broker-secret";
    /** The second-factor key the tests' deployment replaced, as during a key rotation (Base64 of 32 bytes). */
    public static final String PREVIOUS_MFA_KEY = "bXlwcmV2aW91c21mYWtleW9mMzJieXRlc2ZvcnRlc3Q=";

    /** Where the tests configure the broker's bridges to partners' own brokers (as an operator would). */
    static Path partnerBridges() {
        return Path.of(System.getProperty("clutch.it.dir"), "partner-bridges.properties");
    }

    private EmbeddedDatabase database;
    private EmbeddedBroker broker;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("clutch.it.dir");
        if (dir == null || database != null) {
            return;
        }
        try {
            Path root = Path.of(dir);
            DataDirectory.deleteTree(root);
            database = EmbeddedDatabase.start(root.resolve("postgres"), PG_PORT, "clutch", "clutch", "clutch");
            broker = EmbeddedBroker.start(root.resolve("artemis"), BROKER_PORT, BROKER_AMQP_PORT,
                    new BrokerSecurity(BROKER_USER, BROKER_PASSWORD, database.jdbcUrl(), "clutch", "clutch"))
                    .followPartnerBridges(partnerBridges(), 200);
            Path postBoot = PayaraMicroCommands.writePostBoot(root.resolve("post-boot.asadmin"),
                    Path.of(System.getProperty("clutch.payara.dir"), "artemis-ra.rar"), "127.0.0.1", BROKER_PORT, BROKER_USER,
                    BROKER_PASSWORD);
            System.setProperty("clutch.it.db.url", database.jdbcUrl());
            System.setProperty("clutch.it.broker.url", broker.url());
            // the bundled development key and a "previous" one of the tests' own, as during a key rotation
            Path tokenKeys = root.resolve("jwks.json");
            try (var in = IntegrationServices.class.getResourceAsStream("/it-jwt/jwks.json")) {
                Files.copy(in, tokenKeys);
            }
            System.setProperty("clutch.it.cmdOptions", String.join(" ",
                    "-Xmx640m", PayaraMicroCommands.JSON_PROVIDER_OPTION,
                    "-Ddb.url=" + database.jdbcUrl(), "-Ddb.user=clutch", "-Ddb.password=clutch",
                    "-Djms.user=" + BROKER_USER, "-Djms.password=" + BROKER_PASSWORD,
                    "-Dclutch.demo-data=false", "-Dclutch.development-mode=true", "-Dclutch.payments.card-simulator.enabled=true",
                    "-Dclutch.platform-admin.email=" + PLATFORM_ADMIN, "-Dclutch.platform-admin.password=" + Fixtures.PASSWORD,
                    "-Dmp.jwt.verify.publickey.location=" + tokenKeys.toUri(),
                    "-Dclutch.mfa.previous-encryption-keys=" + PREVIOUS_MFA_KEY,
                    // limits on but out of reach: every test client is 127.0.0.1, and the probes send thousands of
                    // requests a minute as one person; RateLimitIT sets limits it reaches
                    "-Dclutch.rate-limit.per-address=100000/PT1M", "-Dclutch.rate-limit.per-principal=100000/PT1M",
                    System.getProperty("clutch.it.extraOptions", "")));
            // No --rootDir: Payara Micro then makes a fresh root for each test class's start. A kept root would load the
            // previous class's application and adapter at boot and deploy them again under it (see Backend).
            Path preBoot = PayaraMicroCommands.writeHttpPreBoot(root.resolve("pre-boot.asadmin"));
            System.setProperty("clutch.it.microOptions", String.join(" ",
                    "--prebootcommandfile", preBoot.toString(),
                    "--postbootcommandfile", postBoot.toString(),
                    "--logToFile", root.resolve("payara.log").toString()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start PostgreSQL and Artemis for the integration tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (broker != null) {
                broker.close();
            }
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
