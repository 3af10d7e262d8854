package org.clutch.benchmarks;

import org.clutch.accounts.PasswordHasher;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.Destinations;
import org.clutch.jms.SyncEvent;
import org.clutch.jms.SyncMessages;
import org.clutch.launcher.DataDirectory;
import org.clutch.launcher.JvmStartupCache;
import org.clutch.launcher.LauncherProcess;
import org.clutch.launcher.LauncherProcess.Setting;
import org.clutch.launcher.StandaloneBroker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts the backend exactly as {@code bin/start-backend} does (its own process tree, fresh data, spare ports),
 * then measures on this machine, load generator included:
 * <ol>
 * <li>start-up: from launching the backend to the API answering;</li>
 * <li>parts-request creation over REST at a fixed concurrency: throughput, p50 and p99 latency;</li>
 * <li>a raw JDBC ceiling on the same PostgreSQL: the same rows (a request and two lines per transaction) at the
 * same concurrency, with no application server in between;</li>
 * <li>the delay from a POST's response to the WebSocket message at each of N connected shops, N = 10 and 200;</li>
 * <li>sync events (shop desktops' stock movements) from the broker into a shop's central stock: one at a time
 * (latency) and a backlog of 10,000 (events applied per second); then from a shop desktop's own core and sender
 * ({@link DesktopSyncBenchmark}): a sale to the central stock, and an offline day's backlog drained;</li>
 * <li>partners on the broker ({@link PartnerBenchmark}): a supplier's catalog feed of 100,000 items, and a fleet
 * partner's request to the first (automatic) quote it hears;</li>
 * <li>resident memory of the whole backend (launcher JVM with the broker, PostgreSQL, Payara) afterwards.</li>
 * </ol>
 * Every loop is bounded in count and time; all traffic stays on 127.0.0.1.
 */
public final class MarketplaceBenchmark {

    private static final int HTTP_PORT = 18080;
    private static final int PG_PORT = 15532;
    private static final int JMS_PORT = 61716;
    private static final int AMQP_PORT = 5772;
    private static final String BROKER_USER = "bench-backend";
    private static final String BROKER_PASSWORD = "bench-backend-secret";
    /** Every benchmark shop's desktop connects with its own broker account and this password. */
    static final String SHOP_BROKER_PASSWORD = "bench-shop-secret";
    private static final String BASE = "http://127.0.0.1:" + HTTP_PORT + "/api/v1/";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/clutch";
    private static final String PASSWORD = "benchmark-password-2026";
    private static final String PLATFORM_ADMIN = "bench-admin@bench.example";
    /** One hash for every benchmark account, made as the backend would (600,000 PBKDF2 iterations). */
    private static final String PASSWORD_HASH = new PasswordHasher(600_000).hash(PASSWORD);
    private static final UUID SYNC_PART = UUID.randomUUID();
    private static final double LAT = -1.2864;
    private static final double LON = 36.8172;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([0-9a-f-]{36})\"");

    private final int concurrency;
    private final Duration warmup;
    private final Duration measure;
    private final int wsRequests;
    private final int wsWarmup = Integer.getInteger("wsWarmup", 20);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory())).connectTimeout(Duration.ofSeconds(5)).build();
    private final UUID tenant = UUID.randomUUID();
    private final StringBuilder report = new StringBuilder();

    private final Set<String> scenarios;

    private MarketplaceBenchmark(int concurrency, Duration warmup, Duration measure, int wsRequests, Set<String> scenarios) {
        this.scenarios = scenarios;
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.measure = measure;
        this.wsRequests = wsRequests;
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.parseInt(System.getProperty("concurrency", "16"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(System.getProperty("warmupSeconds", "60")));
        Duration measure = Duration.ofSeconds(Long.parseLong(System.getProperty("measureSeconds", "30")));
        int wsRequests = Integer.parseInt(System.getProperty("wsRequests", "100"));
        Set<String> scenarios = Set.of(System.getProperty("scenarios", "create,live,auth,billing,sync,partners").split(","));
        new MarketplaceBenchmark(concurrency, warmup, measure, wsRequests, scenarios).run();
    }

    private void run() throws Exception {
        Path dataDir = Path.of("var/benchmark").toAbsolutePath();
        DataDirectory.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        line("# Clutch benchmark, " + OffsetDateTime.now().withNano(0));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));

        Path backendOutput = dataDir.resolve("backend.out");
        ProcessBuilder builder = shared(LauncherProcess.backend(LAUNCHER_CLASSPATH), backendOutput)
                .set(Setting.HTTP_PORT, HTTP_PORT)
                .set(Setting.PG_PORT, PG_PORT)
                .set(Setting.JMS_HOST, "127.0.0.1") // the broker runs in a process of its own, so that it can be killed
                .set(Setting.DEMO_DATA, false)
                .set(Setting.PLATFORM_ADMIN_EMAIL, PLATFORM_ADMIN)
                .set(Setting.PLATFORM_ADMIN_PASSWORD, PASSWORD)
                // in place and checked on every request, never reached: the load comes from one address, a few accounts
                .set(Setting.RATE_LIMIT_PER_PRINCIPAL, "1000000000/PT1M")
                .set(Setting.RATE_LIMIT_PER_ADDRESS, "1000000000/PT1M")
                .builder(backendOutput);
        long launched = System.nanoTime();
        Process backend = builder.start();
        broker = new Broker(dataDir); // up long before Payara's resource adapter first connects
        broker.start();
        try {
            awaitServing(backend);
            line(String.format("start-up: API answering %.1f s after launch (built; PostgreSQL, Artemis in its own process and Payara Micro started fresh)",
                    (System.nanoTime() - launched) / 1e9));
            line("the broker's JVM start-up cache: " + broker.startupCache());

            if (scenarios.contains("create")) {
                creationThroughput();
                jdbcCeiling();
            }
            if (scenarios.contains("live")) {
                liveDelay(10);
                liveDelay(200);
            }
            if (scenarios.contains("auth")) {
                authenticationCost();
            }
            if (scenarios.contains("billing")) {
                billingRun();
            }
            if (scenarios.contains("sync")) {
                syncLatency(200);
                syncBacklog(10_000);
                DesktopSyncBenchmark desktop = new DesktopSyncBenchmark(new DesktopSyncBenchmark.Backend() {
                    @Override
                    public Connection db() throws SQLException {
                        return MarketplaceBenchmark.db();
                    }

                    @Override
                    public void killBroker() throws InterruptedException {
                        broker.kill();
                    }

                    @Override
                    public void startBroker() throws Exception {
                        broker.start();
                    }

                    @Override
                    public List<ProcessHandle> processes() {
                        // PostgreSQL's server detaches from the launcher that started it; it is known by its data directory
                        String postgresData = dataDir.resolve("postgres").toString();
                        return Stream.concat(Stream.of(backend.toHandle(), broker.process.toHandle()), ProcessHandle.allProcesses()
                                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(postgresData)).orElse(false))).toList();
                    }
                }, "tcp://127.0.0.1:" + JMS_PORT, dataDir.resolve("desktop"), this::line);
                desktop.saleToCentralStock(syncShop("BENCH-DESKTOP-ONLINE"), 200);
                desktop.offlineBacklog(syncShop("BENCH-DESKTOP-OFFLINE"), 5_000, false);
                desktop.offlineBacklog(syncShop("BENCH-DESKTOP-OFFLINE-AGAIN"), 5_000, false, "(j2)");
                desktop.offlineBacklog(syncShop("BENCH-DESKTOP-BROKER-KILLED"), 5_000, true);
            }
            if (scenarios.contains("partners")) {
                PartnerBenchmark partners = new PartnerBenchmark(MarketplaceBenchmark::db, "tcp://127.0.0.1:" + JMS_PORT,
                        "amqp://127.0.0.1:" + AMQP_PORT, this::line);
                partners.catalogFeed(Integer.parseInt(System.getProperty("feedItems", "100000")), false);
                partners.catalogFeed(Integer.parseInt(System.getProperty("feedItems", "100000")), true);
                partners.requestToFirstAutomaticQuote(200, false);
                partners.requestToFirstAutomaticQuote(200, true);
            }
            line(String.format("resident memory of the backend after the run: %.0f MB (launcher JVM with PostgreSQL + Payara Micro, and the broker's JVM)",
                    (residentKb(backend.toHandle()) + residentKb(broker.process.toHandle())) / 1024.0));
        } finally {
            backend.destroy();
            broker.stop();
            if (!backend.waitFor(30, TimeUnit.SECONDS)) {
                backend.destroyForcibly();
            }
        }
        Path out = Path.of("benchmarks/target/benchmark-results.md");
        Files.writeString(out, report);
        System.out.println("\n(written to " + out + ")");
    }

    // ---- (a) creation over REST ---------------------------------------------------------------------------------

    private void creationThroughput() throws Exception {
        String make = "BENCH-CREATE";
        for (int i = 0; i < 3; i++) {
            shop(make, i);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            tokens.add(token(customer().email()));
        }
        String body = partsRequest(make);
        LoadResult result = load(worker -> {
            HttpResponse<String> r = send("POST", "parts-requests", tokens.get(worker), body);
            if (r.statusCode() != 201) {
                throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
            }
        });
        line(String.format("(a) parts-request creation, REST, concurrency %d, %d s after %d s warm-up: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, errors %d",
                concurrency, measure.toSeconds(), warmup.toSeconds(), result.perSecond(), result.percentile(50), result.percentile(99),
                result.errors()));
        awaitQueueDrained();
        creationPerSecond = result.perSecond();
    }

    private double creationPerSecond;

    // ---- (c) raw JDBC ceiling --------------------------------------------------------------------------------------

    private void jdbcCeiling() throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_request (LIKE parts_request INCLUDING DEFAULTS)");
            s.execute("CREATE TABLE IF NOT EXISTS bench_line (LIKE parts_request_line INCLUDING DEFAULTS)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Connection c = db();
            c.setAutoCommit(false);
            connections.add(c);
        }
        UUID customer = customer().id();
        try {
            LoadResult result = load(worker -> {
                Connection c = connections.get(worker);
                UUID id = UUID.randomUUID();
                try (PreparedStatement r = c.prepareStatement("INSERT INTO bench_request (id, customer_id, status, vehicle_make, "
                        + "vehicle_model, vehicle_year, delivery_latitude, delivery_longitude, delivery_address, created_at, expires_at) "
                        + "VALUES (?, ?, 'SUBMITTED', 'BENCH', 'Model', 2016, ?, ?, 'Kenyatta Avenue', now(), now() + interval '2 hours')");
                     PreparedStatement l = c.prepareStatement("INSERT INTO bench_line (id, request_id, line_no, name, quantity) VALUES (?, ?, ?, ?, ?)")) {
                    r.setObject(1, id);
                    r.setObject(2, customer);
                    r.setDouble(3, LAT);
                    r.setDouble(4, LON);
                    r.executeUpdate();
                    for (int n = 1; n <= 2; n++) {
                        l.setObject(1, UUID.randomUUID());
                        l.setObject(2, id);
                        l.setInt(3, n);
                        l.setString(4, "Part " + n);
                        l.setInt(5, n);
                        l.addBatch();
                    }
                    l.executeBatch();
                    c.commit();
                }
            });
            line(String.format("(c) raw JDBC ceiling, same PostgreSQL, concurrency %d: %.0f transactions/s (1 request + 2 lines each), p50 %.2f ms, p99 %.2f ms",
                    concurrency, result.perSecond(), result.percentile(50), result.percentile(99)));
            line(String.format("    REST creation reaches %.0f%% of the raw JDBC ceiling", 100 * creationPerSecond / result.perSecond()));
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            try (Connection c = db(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_line");
                s.execute("DROP TABLE bench_request");
            }
        }
    }

    // ---- (b) POST to WebSocket delay -------------------------------------------------------------------------------

    private void liveDelay(int shops) throws Exception {
        String make = "BENCH-LIVE-" + shops;
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        Set<String> warmupIds = ConcurrentHashMap.newKeySet();
        List<Long> delaysNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong delivered = new AtomicLong();
        AtomicLong unmatched = new AtomicLong();
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient wsClient = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory())).build();
        for (int i = 0; i < shops; i++) {
            String token = token(shop(make, i));
            sockets.add(wsClient.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + HTTP_PORT + "/ws/notifications?access_token=" + token), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            long now = System.nanoTime();
                            Matcher m = REQUEST_ID.matcher(data);
                            String id = m.find() ? m.group(1) : null;
                            Long posted = id == null ? null : postedAt.get(id);
                            if (posted != null) {
                                if (!warmupIds.contains(id)) {
                                    delaysNanos.add(now - posted);
                                }
                                delivered.incrementAndGet();
                            } else {
                                unmatched.incrementAndGet();
                            }
                            socket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS));
        }
        String customerToken = token(customer().email());
        String body = partsRequest(make);
        Thread.sleep(1000);
        int expected = shops * wsRequests;
        // The first requests run cold code (JIT) through the dispatch and the push; they are sent but not counted.
        for (int i = 0; i < wsWarmup + wsRequests; i++) {
            HttpResponse<String> r = send("POST", "parts-requests", customerToken, body);
            long responded = System.nanoTime();
            Matcher m = ID.matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("POST answered " + r.statusCode());
            }
            if (i < wsWarmup) {
                warmupIds.add(m.group(1));
            }
            postedAt.put(m.group(1), responded);
            // One request at a time, each delivered before the next, so delays are not queueing behind each other.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delivered.get() < (long) shops * (i + 1) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(100);
        }
        sockets.forEach(WebSocket::abort);
        List<Long> sorted = new ArrayList<>(delaysNanos);
        Collections.sort(sorted);
        line(String.format("(b) POST response to WebSocket message, %d shops connected, %d requests after %d warm-up ones: %d/%d messages, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                shops, wsRequests, wsWarmup, sorted.size(), expected, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6));
        awaitQueueDrained();
    }

    // ---- load loop ---------------------------------------------------------------------------------------------

    private interface Operation {
        void run(int worker) throws Exception;
    }

    private record LoadResult(List<Long> latenciesNanos, long errors, Duration window) {
        double perSecond() {
            return latenciesNanos.size() / (window.toNanos() / 1e9);
        }

        double percentile(int p) {
            return MarketplaceBenchmark.percentile(latenciesNanos, p) / 1e6;
        }
    }

    // ---- (e) authentication cost --------------------------------------------------------------------------------

    /**
     * What accounts cost: one password hash (slow on purpose, measured in this JVM with the production iteration
     * count), a login round trip, and an authenticated read under load, whose p50/p99 include MP-JWT signature
     * verification, the session check and the row-scope statement on every request.
     */
    private void authenticationCost() throws Exception {
        PasswordHasher hasher = new PasswordHasher(600_000);
        List<Long> hashes = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            long start = System.nanoTime();
            hasher.hash("benchmark password " + i);
            if (i >= 3) {
                hashes.add(System.nanoTime() - start);
            }
        }
        Collections.sort(hashes);
        Customer customer = customer();
        List<Long> logins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            token(customer.email());
            logins.add(System.nanoTime() - start);
        }
        Collections.sort(logins);
        line(String.format("(e) password hash (PBKDF2-SHA256, 600,000 iterations, this JVM): median %.0f ms; login round trip: median %.0f ms, p99 %.0f ms",
                percentile(hashes, 50) / 1e6, percentile(logins, 50) / 1e6, percentile(logins, 99) / 1e6));

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            tokens.add(token(customer().email()));
        }
        LoadResult read = load(worker -> {
            HttpResponse<String> r = send("GET", "notifications?size=1", tokens.get(worker), null);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET answered " + r.statusCode() + ": " + r.body());
            }
        });
        line(String.format("    authenticated GET /notifications?size=1, concurrency %d: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, errors %d",
                concurrency, read.perSecond(), read.percentile(50), read.percentile(99), read.errors()));

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            keys.add(partnerKeyToken());
        }
        LoadResult keyed = load(worker -> {
            HttpResponse<String> r = send("GET", "parts-requests?size=1", keys.get(worker), null);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET answered " + r.statusCode() + ": " + r.body());
            }
        });
        line(String.format("    a partner key's GET /parts-requests?size=1 (scope checked), concurrency %d: %.0f requests/s, p50 %.2f ms, "
                + "p99 %.2f ms, errors %d", concurrency, keyed.perSecond(), keyed.percentile(50), keyed.percentile(99), keyed.errors()));
        line("    CPU time of the rate limit and scope check per request, both loads (server's timer clutch.request.guards): " + guardTimes());
    }

    /** A buying partner's API key with the parts-request scopes, exchanged for its token. */
    private String partnerKeyToken() throws Exception {
        UUID tenant = UUID.randomUUID();
        execute("INSERT INTO tenant (id, kind, name, legal_name, currency, partner_roles) VALUES (?, 'PARTNER', 'Bench fleet', "
                + "'Bench fleet Ltd', 'KES', 'BUYER')", tenant);
        String admin = "bench-fleet-" + tenant + "@bench.example";
        execute("INSERT INTO user_account (id, email, display_name, password_hash, role, tenant_id) "
                + "VALUES (?, ?, 'Bench fleet admin', ?, 'TENANT_ADMIN', ?)", UUID.randomUUID(), admin, PASSWORD_HASH, tenant);
        HttpResponse<String> created = send("POST", "api-keys", token(admin),
                "{\"name\":\"bench\",\"scopes\":[\"parts-requests:read\",\"parts-requests:write\"]}");
        Matcher key = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(created.body());
        if (!key.find()) {
            throw new IllegalStateException("no key: " + created.body());
        }
        HttpResponse<String> exchanged = send("POST", "auth/api-key", null, "{\"apiKey\":\"" + key.group(1) + "\"}");
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(exchanged.body());
        if (!token.find()) {
            throw new IllegalStateException("no token: " + exchanged.body());
        }
        return token.group(1);
    }

    /**
     * The server's own timer of the rate limit and scope check (CPU time per request), from MicroProfile Metrics:
     * count, p50, p99, p99.9 and max. Payara exports the quantiles, mean and max in nanoseconds (the sum in seconds).
     */
    private String guardTimes() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(BASE.replace("/api/v1/", "/metrics?scope=application")))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Double> values = new java.util.HashMap<>();
        Matcher line = Pattern.compile("(?m)^clutch_request_guards_seconds(_count|_max|\\{[^}]*quantile=\"([0-9.]+)\"[^}]*})?\\S* (\\S+)$")
                .matcher(metrics.body());
        while (line.find()) {
            values.put(line.group(2) != null ? line.group(2) : String.valueOf(line.group(1)), Double.parseDouble(line.group(3)));
        }
        if (!values.containsKey("0.99")) {
            return "not found (" + metrics.statusCode() + ")";
        }
        return String.format("%.0f requests, p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs", values.getOrDefault("_count", 0.0),
                values.get("0.5") / 1e3, values.get("0.99") / 1e3, values.getOrDefault("0.999", 0.0) / 1e3, values.getOrDefault("_max", 0.0) / 1e3);
    }

    // ---- (f) billing run ------------------------------------------------------------------------------------------

    /**
     * A month's billing over many tenants: {@code billingTenants} tenants (default 1,000) on the STANDARD plan, with
     * {@code billingOrders} orders (default 100,000) delivered last month and every 20th of them partly refunded, are
     * written straight into PostgreSQL as the application writes them (request, quote, order, commission accrual and
     * reversal rows); then a platform admin runs billing for last month over REST, and runs it again.
     */
    private void billingRun() throws Exception {
        int tenants = Integer.getInteger("billingTenants", 1000);
        int orders = Integer.getInteger("billingOrders", 100_000);
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
        String mid = "'" + month.atDay(15).atTime(12, 0) + "+00'";
        String tenant = "md5('bt' || (g % " + tenants + " + 1))::uuid";
        String shop = "md5('bs' || (g % " + tenants + " + 1))::uuid";
        String items = "(1000 + g % 5000)";
        long setupStart = System.nanoTime();
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, legal_name, currency, created_at, plan, tax_rate_percent) SELECT md5('bt' || g)::uuid,"
                    + " 'Bench billing tenant ' || g, 'Bench billing tenant ' || g || ' Ltd', 'KES', now() - interval '1 year', 'STANDARD', 16"
                    + " FROM generate_series(1, " + tenants + ") g");
            s.execute("INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km) SELECT"
                    + " md5('bs' || g)::uuid, md5('bt' || g)::uuid, 'Bench billing shop ' || g, 'ACTIVE', -1.28, 36.81, 'Bench road', 10"
                    + " FROM generate_series(1, " + tenants + ") g");
            s.execute("INSERT INTO customer (id, display_name) VALUES (md5('bc')::uuid, 'Bench billing customer')");
            s.execute("INSERT INTO parts_request (id, customer_id, status, vehicle_make, vehicle_model, vehicle_year, delivery_latitude,"
                    + " delivery_longitude, delivery_address, created_at, expires_at, closed_at) SELECT md5('br' || g)::uuid, md5('bc')::uuid,"
                    + " 'ACCEPTED', 'TOYOTA', 'Corolla', 2016, -1.28, 36.81, 'Bench road', " + mid + ", " + mid + ", " + mid
                    + " FROM generate_series(1, " + orders + ") g");
            s.execute("INSERT INTO quote (id, request_id, shop_id, tenant_id, status, currency, freight, eta_hours, valid_until, submitted_at,"
                    + " updated_at) SELECT md5('bq' || g)::uuid, md5('br' || g)::uuid, " + shop + ", " + tenant + ", 'ACCEPTED', 'KES', 100, 4, "
                    + mid + ", " + mid + ", " + mid + " FROM generate_series(1, " + orders + ") g");
            s.execute("INSERT INTO customer_order (id, number, tenant_id, shop_id, customer_id, request_id, quote_id, status, currency,"
                    + " items_total, freight, total, amount_paid, payment_method, vehicle, delivery_address, created_at, updated_at, delivered_at)"
                    + " SELECT md5('bo' || g)::uuid, 900000000 + g, " + tenant + ", " + shop + ", md5('bc')::uuid, md5('br' || g)::uuid,"
                    + " md5('bq' || g)::uuid, 'DELIVERED', 'KES', " + items + ", 100, " + items + " + 100, " + items + " + 100, 'CARD',"
                    + " '2016 TOYOTA Corolla', 'Bench road', " + mid + ", " + mid + ", " + mid + " FROM generate_series(1, " + orders + ") g");
            s.execute("INSERT INTO commission_entry (id, tenant_id, order_id, order_number, kind, base_amount, rate_percent, amount, currency,"
                    + " occurred_at) SELECT md5('ba' || g)::uuid, " + tenant + ", md5('bo' || g)::uuid, 900000000 + g, 'ACCRUAL', " + items
                    + ", 3.00, round(" + items + " * 0.03, 2), 'KES', " + mid + " FROM generate_series(1, " + orders + ") g");
            s.execute("INSERT INTO commission_entry (id, tenant_id, order_id, order_number, kind, base_amount, rate_percent, amount, currency,"
                    + " occurred_at) SELECT md5('bv' || g)::uuid, " + tenant + ", md5('bo' || g)::uuid, 900000000 + g, 'REVERSAL', 500, 3.00,"
                    + " 15.00, 'KES', " + mid + " FROM generate_series(20, " + orders + ", 20) g");
            s.execute("ANALYZE");
        }
        line(String.format("(f) billing: %d tenants, %d delivered orders of %s (and %d partial refunds) written in %.1f s",
                tenants, orders, month, orders / 20, (System.nanoTime() - setupStart) / 1e9));
        String admin = token(PLATFORM_ADMIN);
        for (String pass : List.of("first run", "rerun")) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "billing/runs")).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"" + month + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("billing run answered " + r.statusCode() + ": " + r.body());
            }
            line(String.format("    %s of %s: %.1f s, %s", pass, month, seconds, count(r.body(), "issued") + " issued, "
                    + count(r.body(), "alreadyBilled") + " already billed, " + count(r.body(), "failed") + " failed"));
        }
        try (Connection c = db(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*), count(DISTINCT tenant_id) FROM invoice WHERE legal_name LIKE 'Bench billing tenant %'")) {
            rs.next();
            line(String.format("    invoices of the bench tenants: %d for %d tenants", rs.getLong(1), rs.getLong(2)));
        }
    }

    /** A top-level integer field of the run report. */
    private static String count(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** Runs the operation on {@link #concurrency} threads: warm-up first, then a measured window of fixed length. */
    private LoadResult load(Operation operation) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        List<List<Long>> perWorker = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            List<Long> mine = new ArrayList<>();
            perWorker.add(mine);
            pool.execute(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        try {
                            operation.run(worker);
                            if (measuring.get()) {
                                mine.add(System.nanoTime() - start);
                            }
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) {
                                System.err.println("first error: " + e);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        Duration window = Duration.ofNanos(System.nanoTime() - started);
        stop.set(true);
        done.await(60, TimeUnit.SECONDS);
        pool.shutdownNow();
        List<Long> all = new ArrayList<>();
        perWorker.forEach(all::addAll);
        Collections.sort(all);
        return new LoadResult(all, errors.get(), window);
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    // ---- fixtures and plumbing ---------------------------------------------------------------------------------

    private static String partsRequest(String make) {
        return "{\"vehicle\":{\"make\":\"" + make + "\",\"model\":\"Corolla\",\"year\":2016},"
                + "\"delivery\":{\"latitude\":" + LAT + ",\"longitude\":" + LON + ",\"address\":\"Kenyatta Avenue, Nairobi\"},"
                + "\"lines\":[{\"name\":\"Front brake pads\",\"quantity\":1},{\"name\":\"Oil filter\",\"partNumber\":\"90915-YZZE1\",\"quantity\":2}]}";
    }

    private String shop(String make, int index) throws SQLException {
        ensureTenant();
        UUID shop = UUID.randomUUID();
        // Spread within 5 km of the delivery point, every radius covering it.
        double lat = LAT + 0.03 * Math.sin(index);
        double lon = LON + 0.03 * Math.cos(index);
        execute("INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km) VALUES (?, ?, ?, 'ACTIVE', ?, ?, 'Bench road', 25)",
                shop, tenant, make + " shop " + index, lat, lon);
        execute("INSERT INTO shop_make (shop_id, make) VALUES (?, ?)", shop, make);
        String user = "bench-" + shop + "@bench.example";
        execute("INSERT INTO user_account (id, email, display_name, password_hash, role, tenant_id, shop_id) "
                + "VALUES (?, ?, 'Bench staff', ?, 'SHOP_STAFF', ?, ?)", UUID.randomUUID(), user, PASSWORD_HASH, tenant, shop);
        return user;
    }

    private record Customer(UUID id, String email) {
    }

    private Customer customer() throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO customer (id, display_name) VALUES (?, 'Bench customer')", id);
        String user = "bench-" + id + "@bench.example";
        execute("INSERT INTO user_account (id, email, display_name, password_hash, role, customer_id) "
                + "VALUES (?, ?, 'Bench customer', ?, 'CUSTOMER', ?)", UUID.randomUUID(), user, PASSWORD_HASH, id);
        return new Customer(id, user);
    }

    private boolean tenantCreated;

    private void ensureTenant() throws SQLException {
        if (!tenantCreated) {
            execute("INSERT INTO tenant (id, name, legal_name, currency) VALUES (?, 'Bench tenant', 'Bench tenant Ltd', 'KES')", tenant);
            tenantCreated = true;
        }
    }

    /** Logs the account in; every benchmark account has {@link #PASSWORD}. */
    private String token(String email) throws Exception {
        HttpResponse<String> r = send("POST", "auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"device\":\"benchmark\"}");
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the MDB has dispatched everything submitted so far, so the next measurement starts quiet. */
    private void awaitQueueDrained() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long pending;
        do {
            Thread.sleep(500);
            try (Connection c = db(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM parts_request r WHERE NOT EXISTS (SELECT 1 FROM dispatch d WHERE d.request_id = r.id) AND r.vehicle_make LIKE 'BENCH%'")) {
                rs.next();
                pending = rs.getLong(1);
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        if (pending > 0) {
            line("    warning: " + pending + " requests still undispatched after 120 s");
        }
    }

    // ---- (g) sync events, broker to central stock -----------------------------------------------------------------

    /**
     * One stock movement at a time, as a shop selling online sends them: from the send (committed on the broker) to
     * the movement being in the shop's central ledger, polled every millisecond.
     */
    private void syncLatency(int events) throws Exception {
        UUID shop = syncShop("BENCH-SYNC-LIVE");
        List<Long> delays = new ArrayList<>();
        try (JMSContext jms = broker().createContext(JMSContext.SESSION_TRANSACTED); Connection c = db();
             PreparedStatement applied = c.prepareStatement("SELECT 1 FROM shop_stock_movement WHERE movement_id = ?")) {
            JMSProducer producer = jms.createProducer();
            Queue inbound = jms.createQueue(Destinations.SYNC_INBOUND);
            for (int i = 0; i < events + 20; i++) {
                UUID movement = UUID.randomUUID();
                long sent = System.nanoTime();
                producer.send(inbound, syncMessage(jms, shop, movement));
                jms.commit();
                applied.setObject(1, movement);
                long deadline = sent + TimeUnit.SECONDS.toNanos(10);
                while (!exists(applied) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (i >= 20) { // the first ones warm the path up
                    delays.add(System.nanoTime() - sent);
                }
                Thread.sleep(20);
            }
        }
        Collections.sort(delays);
        line(String.format("(g) sync event sent to the broker -> in the shop's central stock, one at a time, %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                delays.size(), delays.get(delays.size() / 2) / 1e6, delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6,
                delays.get(delays.size() - 1) / 1e6));
    }

    /**
     * A backlog such as a shop that was offline all day sends on reconnecting: {@code events} stock movements sent
     * in transactions of 500, applied by the backend as they arrive; the rate is events over the time from the first
     * send to the last one applied.
     */
    private void syncBacklog(int events) throws Exception {
        UUID shop = syncShop("BENCH-SYNC-BACKLOG");
        long started = System.nanoTime();
        long sentAt;
        try (JMSContext jms = broker().createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = jms.createProducer();
            Queue inbound = jms.createQueue(Destinations.SYNC_INBOUND);
            for (int i = 1; i <= events; i++) {
                producer.send(inbound, syncMessage(jms, shop, UUID.randomUUID()));
                if (i % 500 == 0 || i == events) {
                    jms.commit();
                }
            }
            sentAt = System.nanoTime();
        }
        long applied;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        do {
            Thread.sleep(20);
            try (Connection c = db(); PreparedStatement count = c.prepareStatement(
                    "SELECT count(*), coalesce(sum(quantity), 0) FROM shop_stock_movement WHERE shop_id = ?")) {
                count.setObject(1, shop);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    applied = rows.getLong(1);
                }
            }
        } while (applied < events && System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - started) / 1e9;
        line(String.format("(h) sync backlog of %d events (transactions of 500 on the broker): sent in %.2f s (%.0f events/s), "
                        + "all applied after %.2f s: %.0f events/s applied%s", events, (sentAt - started) / 1e9,
                events / ((sentAt - started) / 1e9), seconds, applied / seconds,
                applied < events ? " (only " + applied + " applied after 300 s)" : ""));
    }

    private UUID syncShop(String name) throws SQLException {
        ensureTenant();
        UUID shop = UUID.randomUUID();
        execute("INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km) VALUES (?, ?, ?, 'ACTIVE', ?, ?, 'Bench road', 25)",
                shop, tenant, name, LAT, LON);
        execute("INSERT INTO broker_account (username, tenant_id, shop_id, secret_sha256, issued_at, issued_by) VALUES (?, ?, ?, ?, now(), ?)",
                BrokerAccountNames.shopUser(shop), tenant, shop, BrokerAccountNames.secretHash(SHOP_BROKER_PASSWORD), UUID.randomUUID());
        return shop;
    }

    private static ConnectionFactory broker() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + JMS_PORT, BROKER_USER, BROKER_PASSWORD);
    }

    /** A stock movement (a sale of one unit) as the desktop's outbox writes it. */
    private static TextMessage syncMessage(JMSContext jms, UUID shop, UUID movement) throws JMSException {
        Instant now = Instant.now();
        String payload = "{\"movementId\":\"" + movement + "\",\"partId\":\"" + SYNC_PART + "\",\"bin\":\"A-01\","
                + "\"quantity\":-1,\"reason\":\"SALE\",\"reference\":\"S-1\",\"note\":\"\",\"staff\":\"bench\","
                + "\"movedAt\":\"" + now + "\"}";
        TextMessage message = jms.createTextMessage();
        SyncMessages.write(new SyncEvent(UUID.randomUUID(), shop, "inventory.stock-moved", 1, movement, now, payload), message);
        return message;
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    private static void execute(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** A part of the backend as a process of its own, with the settings every part of the backend shares. */
    private static LauncherProcess shared(LauncherProcess process, Path output) {
        return process
                .set(Setting.DATA_DIR, output.getParent())
                .set(Setting.JMS_PORT, JMS_PORT)
                .set(Setting.JMS_AMQP_PORT, AMQP_PORT) // partners' systems, (l2)
                .set(Setting.JMS_USER, BROKER_USER) // the broker is secured: the backend's account, known to the benchmark
                .set(Setting.JMS_PASSWORD, BROKER_PASSWORD)
                .set(Setting.DB_USER, "clutch")
                .set(Setting.DB_PASSWORD, "clutch");
    }

    private static final String LAUNCHER_CLASSPATH = "launcher/target/clutch-launcher.jar:launcher/target/lib/*";

    /**
     * The platform's broker ({@code StandaloneBroker}) over its journal in the data directory, killed outright in (k)
     * and stopped normally at the end. Its JVM keeps a start-up cache under var/jvm-cache from one run to the next
     * ({@link StandaloneBroker#startupCache}; -DbrokerStartupCache=false for none): the first run of new classes writes
     * it when the broker stops, the next ones start from it. The broker runs from the launcher's jars installed there
     * ({@link JvmStartupCache#install}): this command builds before each run, which writes every jar anew, and the JVM
     * refuses a cache made with a jar of another time.
     */
    private static final class Broker {
        private final Path output;
        // the broker's JVM as the project runs it, or -DbrokerJvmOptions="..." (space-separated) to try others
        // (-DbrokerJvmOptions=-XX:TieredStopAtLevel=4 for the JIT's optimising tier as well)
        private final List<String> options = Stream.of(System.getProperty("brokerJvmOptions",
                String.join(" ", StandaloneBroker.JVM_OPTIONS)).trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
        private final String classpath;
        private final Optional<JvmStartupCache> cache;
        private Process process;

        Broker(Path dataDir) {
            this.output = dataDir.resolve("broker.out");
            Path cacheDirectory = Path.of("var/jvm-cache").toAbsolutePath();
            if (Boolean.parseBoolean(System.getProperty("brokerStartupCache", "true"))) {
                classpath = JvmStartupCache.install(LAUNCHER_CLASSPATH, cacheDirectory.resolve("broker-lib"));
                cache = StandaloneBroker.startupCache(cacheDirectory, classpath, options);
            } else {
                classpath = LAUNCHER_CLASSPATH;
                cache = Optional.empty();
            }
        }

        /** What the report says of the broker's JVM start-up cache, as this run found it. */
        String startupCache() {
            return cache.map(c -> c.exists() ? "from an earlier run (" + c.file().getFileName() + ")"
                    : "none yet: this run's broker writes it when it stops at the end").orElse("none (Java 25 or later has one; or -DbrokerStartupCache=false)");
        }

        void start() throws Exception {
            ProcessBuilder builder = shared(LauncherProcess.broker(classpath), output)
                    .jvmOptions(cache.map(JvmStartupCache::jvmOptions).orElse(options))
                    .set(Setting.DB_URL, DB_URL) // the shops' broker accounts, checked at each login
                    .builder(output);
            long skip = Files.exists(output) ? Files.size(output) : 0;
            process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!new String(Files.readAllBytes(output)).substring((int) skip).contains(StandaloneBroker.READY)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not start; see " + output);
                }
                Thread.sleep(20);
            }
        }

        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor();
            }
        }

        /** Stops the broker as an operator would (SIGTERM), waiting while its JVM writes a start-up cache it has none of. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }

    private Broker broker;

    private static Connection db() throws SQLException {
        Connection c = DriverManager.getConnection(DB_URL, "clutch", "clutch");
        try (Statement s = c.createStatement()) {
            s.execute("SET clutch.scope = 'platform'");
        }
        return c;
    }

    private static void awaitServing(Process backend) throws Exception {
        HttpClient probe = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!backend.isAlive()) {
                throw new IllegalStateException("backend exited; see var/benchmark/backend.out");
            }
            try {
                int status = probe.send(HttpRequest.newBuilder(URI.create(BASE + "notifications")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("backend not serving after 180 s");
    }

    /** Sum of VmRSS over the process and all its descendants (PostgreSQL's backends, Payara's JVM). */
    private static long residentKb(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(p -> {
            try {
                return Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
            } catch (IOException gone) {
                return 0;
            }
        }).sum();
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
