package org.clutch.launcher;

import org.clutch.launcher.LauncherProcess.Setting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.transaction.xa.Xid;

/**
 * Starts the whole backend on this machine: PostgreSQL and Artemis embedded by default (or external ones when
 * DB_URL / JMS_HOST are set), then Payara Micro running the WAR beside the Artemis resource adapter, with the demo
 * data. Stops everything on Ctrl-C. Data lives under CLUTCH_DATA_DIR and survives restarts.
 */
public final class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class.getName());
    /** The password of every demo account (db/demo/R__demo_data.sql) and of the demo platform admin. */
    static final String DEMO_PASSWORD = "clutch-demo-parts";
    static final String DEMO_ADMIN = "admin@demo.clutch";

    public static void main(String[] args) throws Exception {
        quietLibraries();
        long started = System.nanoTime();
        Settings settings = Settings.fromEnvironment();
        List<AutoCloseable> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running), "clutch-shutdown"));

        String dbUrl = settings.get(Setting.DB_URL, null);
        String dbUser = settings.get(Setting.DB_USER, "clutch");
        String dbPassword = settings.get(Setting.DB_PASSWORD, "clutch");
        if (dbUrl == null) {
            EmbeddedDatabase db = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"),
                    settings.getInt(Setting.PG_PORT, 15432), "clutch", dbUser, dbPassword);
            running.add(0, db);
            dbUrl = db.jdbcUrl();
            System.out.println("PostgreSQL  " + dbUrl + " (embedded, data in " + settings.dataDir().resolve("postgres") + ")");
        } else {
            System.out.println("PostgreSQL  " + dbUrl + " (external)");
        }

        String jmsHost = settings.get(Setting.JMS_HOST, null);
        int jmsPort = settings.getInt(Setting.JMS_PORT, 61616);
        String jmsUser = settings.get(Setting.JMS_USER, null);
        String jmsPassword = settings.get(Setting.JMS_PASSWORD, null);
        if (jmsHost == null) {
            // the embedded broker is secured: the backend logs in with its own account (a fresh secret each start
            // unless given), shop desktops with the accounts issued to them
            jmsUser = jmsUser == null ? "clutch-backend" : jmsUser;
            jmsPassword = jmsPassword == null ? randomSecret() : jmsPassword;
            BrokerSecurity security = new BrokerSecurity(jmsUser, jmsPassword, dbUrl, dbUser, dbPassword);
            EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("artemis"), jmsPort,
                    settings.getInt(Setting.JMS_AMQP_PORT, 5672), security).followPartnerBridges(settings.partnerBridges(), 2_000);
            running.add(0, broker);
            jmsHost = "127.0.0.1";
            System.out.println("Artemis     " + broker.url() + " (embedded, journal in " + settings.dataDir().resolve("artemis")
                    + "; AMQP 1.0 for partners on port " + settings.getInt(Setting.JMS_AMQP_PORT, 5672) + ")");
        } else {
            System.out.println("Artemis     tcp://" + jmsHost + ":" + jmsPort + " (external)");
        }

        int httpPort = settings.getInt(Setting.HTTP_PORT, 8080);
        Path runtime = settings.dataDir().resolve("payara");
        Files.createDirectories(runtime);
        // ROOT.war is served at "/", so the API lives at /api/v1.
        Path war = Files.copy(settings.artifact(Setting.WAR, "web/target/clutch.war"), runtime.resolve("ROOT.war"),
                StandardCopyOption.REPLACE_EXISTING);
        // Payara Micro keeps deployed applications and boot commands' effects in its root directory and would load
        // the previous start's application and adapter (with the previous broker password) before deploying this
        // start's again. A fresh root each start deploys once; only the transaction log is kept (pre-boot file).
        Path root = runtime.resolve("root");
        DataDirectory.deleteTree(root);
        Path preBoot = PayaraMicroCommands.writePreBoot(runtime.resolve("pre-boot.asadmin"), runtime.resolve("transaction-logs"));
        Path postBoot = PayaraMicroCommands.writePostBoot(runtime.resolve("post-boot.asadmin"),
                settings.artifact(Setting.RAR, "web/target/payara/artemis-ra.rar"), jmsHost, jmsPort, jmsUser, jmsPassword);
        Path log = runtime.resolve("payara.log");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx" + settings.get(Setting.PAYARA_HEAP, "640m"),
                PayaraMicroCommands.JSON_PROVIDER_OPTION,
                "-jar", settings.artifact(Setting.PAYARA_MICRO, "web/target/payara/payara-micro.jar").toString(),
                "--nocluster", "--port", String.valueOf(httpPort),
                "--rootDir", root.toString(),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", war.toString()));
        ProcessBuilder payara = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = payara.environment();
        env.put(Setting.DB_URL.variable(), dbUrl);
        env.put(Setting.DB_USER.variable(), dbUser);
        env.put(Setting.DB_PASSWORD.variable(), dbPassword);
        if (jmsUser != null) {
            env.put(Setting.JMS_USER.variable(), jmsUser);
            env.put(Setting.JMS_PASSWORD.variable(), jmsPassword);
        }
        env.putIfAbsent(Setting.DEMO_DATA.variable(), settings.get(Setting.DEMO_DATA, "true"));
        // The local backend is for development and demos: its bundled secrets are allowed (refused elsewhere).
        env.putIfAbsent(Setting.DEVELOPMENT_MODE.variable(), settings.get(Setting.DEVELOPMENT_MODE, "true"));
        // The local backend is for development and demos: offer the card-gateway simulator (off by default elsewhere).
        env.putIfAbsent(Setting.CARD_SIMULATOR.variable(), settings.get(Setting.CARD_SIMULATOR, "true"));
        // The demo platform administrator; a real installation sets its own (or none) in the environment.
        env.putIfAbsent(Setting.PLATFORM_ADMIN_EMAIL.variable(), settings.get(Setting.PLATFORM_ADMIN_EMAIL, DEMO_ADMIN));
        env.putIfAbsent(Setting.PLATFORM_ADMIN_PASSWORD.variable(), settings.get(Setting.PLATFORM_ADMIN_PASSWORD, DEMO_PASSWORD));
        String brokerUrl = "tcp://" + jmsHost + ":" + jmsPort;
        String host = InetAddress.getLocalHost().getHostName();
        Set<Xid> inDoubt = InDoubtTransactions.heldBefore(brokerUrl, jmsUser, jmsPassword, host);
        Process process = payara.start();
        running.add(0, () -> {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        });

        String base = "http://localhost:" + httpPort;
        if (!waitUntilServing(base + "/api/v1/notifications", process, Duration.ofSeconds(settings.getInt(Setting.START_TIMEOUT, 120)))) {
            System.err.println("The backend did not start; see " + log);
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            System.exit(1);
        }
        if (!inDoubt.isEmpty()) {
            try (InDoubtTransactions broker = InDoubtTransactions.connect(brokerUrl, jmsUser, jmsPassword)) {
                int rolledBack = broker.rollBackStillPrepared(inDoubt, host);
                System.out.println("Rolled back " + rolledBack + " of the " + inDoubt.size()
                        + " broker transactions an earlier backend left prepared; their messages are delivered again");
            }
        }
        System.out.printf("""

                Clutch backend ready in %.1f s (Payara Micro log: %s)
                  API        %s/api/v1
                  OpenAPI    %s/openapi
                  WebSocket  ws://localhost:%d/ws/notifications?access_token=<token>
                  Demo accounts, all with the password %s:
                    customer@demo.clutch    a customer with a 2016 Toyota Corolla
                    westlands@demo.clutch   manager, Westlands Auto Spares (Toyota, Nissan; 15 km radius)
                    industrial@demo.clutch  staff, Industrial Area Motors (Toyota, Mitsubishi; 20 km)
                    thikaroad@demo.clutch   staff, Thika Road Euro Parts (Volkswagen, BMW; 10 km)
                    mombasa@demo.clutch     staff, Mombasa Coast Spares (Toyota; 30 km, far from Nairobi)
                    owner@demo.clutch       tenant admin of Demo Parts Group
                    %s       platform admin
                  Demo fleet partner (docs/partners): amqp://localhost:%s as partner-10000000-0000-0000-0000-000000000002,
                    password clutch-demo-fleet
                  Log in:
                    curl -s -X POST %s/api/v1/auth/login -H 'Content-Type: application/json' \\
                      -d '{"email":"customer@demo.clutch","password":"%s","device":"curl"}'
                Press Ctrl-C to stop.
                """, (System.nanoTime() - started) / 1e9, log, base, base, httpPort, DEMO_PASSWORD, DEMO_ADMIN,
                settings.get(Setting.JMS_AMQP_PORT, "5672"), base, DEMO_PASSWORD);
        process.waitFor();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The application answers once it is deployed: an API path then says 401 (no token), not 404 or refused. */
    static boolean waitUntilServing(String url, Process process, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 401 || status == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void stopAll(List<AutoCloseable> running) {
        for (AutoCloseable service : running) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "event=stop-failed", e);
            }
        }
    }

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    /** The embedded services log every detail at INFO; keep the console to what a person needs. */
    static void quietLibraries() {
        for (String name : List.of("org.apache.activemq", "io.zonky", "org.postgresql", "com.zaxxer.hikari")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /** Settings from environment variables, then system properties of the same name, then defaults. */
    record Settings(Map<String, String> env) {

        static Settings fromEnvironment() {
            return new Settings(System.getenv());
        }

        String get(Setting setting, String fallback) {
            String name = setting.variable();
            String value = env.getOrDefault(name, System.getProperty(name));
            return value == null || value.isBlank() ? fallback : value;
        }

        String required(Setting setting) {
            String name = setting.variable();
            String value = get(setting, null);
            if (value == null) {
                throw new IllegalArgumentException(name + " must be set");
            }
            return value;
        }

        /** Where the bridges to partners' own brokers are configured ({@link PartnerBridges}); none while it is absent. */
        Path partnerBridges() {
            return Path.of(get(Setting.PARTNER_BRIDGES, dataDir().resolve("partner-bridges.properties").toString()));
        }

        int getInt(Setting setting, int fallback) {
            return Integer.parseInt(get(setting, String.valueOf(fallback)));
        }

        Path dataDir() {
            return Path.of(get(Setting.DATA_DIR, "var/embedded")).toAbsolutePath();
        }

        Path artifact(Setting setting, String fallback) throws IOException {
            String name = setting.variable();
            Path path = Path.of(get(setting, fallback)).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + " not found: build first (./mvnw -DskipTests package) or set " + name);
            }
            return path;
        }
    }
}
