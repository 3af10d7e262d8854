package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.client.ShopBroker;
import org.clutch.launcher.DataDirectory;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.sync.SyncState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cuts in the middle of sync, on the backend as it runs in production (PostgreSQL, the broker in a process of
 * its own, Payara Micro started by the launcher, with the demo data): the backend killed while it applies a backlog,
 * the broker killed while a desktop drains into it, a desktop killed after the broker confirmed a batch and before it
 * marked it sent. Each time everything comes back up over the same data, and head office's stock of the shop equals
 * the till's, with every event applied exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncCrashIT {

    private static final UUID WESTLANDS = UUID.fromString("20000000-0000-0000-0000-000000000001");
    private static final UUID INDUSTRIAL_AREA = UUID.fromString("20000000-0000-0000-0000-000000000002");
    private static final UUID THIKA_ROAD = UUID.fromString("20000000-0000-0000-0000-000000000003");
    private static final int OPERATIONS = 1_500;
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path desktopDirectory;

    private KillableBackend backend;
    private Api api;

    @BeforeAll
    void startTheBackend() throws Exception {
        // beside the other tests' services, kept after the run for its logs
        Path directory = Path.of(System.getProperty("clutch.it.dir"), "killable-backend");
        DataDirectory.deleteTree(directory);
        backend = KillableBackend.start(directory, 25462, 61656, 18591);
        api = new Api(URI.create(backend.baseUrl()).toURL());
    }

    @AfterAll
    void stopTheBackend() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aBackendKilledWhileApplyingABacklogLosesNothingAndAppliesNothingTwice() throws Exception {
        // the demo shop's own broker account, as the demo desktop uses it
        SyncSettings settings = new SyncSettings(WESTLANDS, backend.brokerUrl(), BrokerAccountNames.shopUser(WESTLANDS),
                "clutch-demo-westlands");
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory.resolve("westlands")); SyncAgent agent = agent(desktop)) {
            List<PartSummary> parts = threeParts(desktop);
            desktop.workADay(parts, OPERATIONS);
            settings.save(desktop.shop.database());
            long events = desktop.outbox().size();

            // kill Payara as soon as it has committed its first events, while the desktop is still sending
            AtomicLong appliedWhenKilled = new AtomicLong(-1);
            Thread killer = Thread.ofVirtual().start(() -> {
                try {
                    appliedWhenKilled.set(Await.until(() -> applied(WESTLANDS), n -> n > 0, WITHIN));
                    backend.killBackend();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            SyncState sent = agent.syncNow(Progress.NONE);
            killer.join(TimeUnit.SECONDS.toMillis(WITHIN.toSeconds()));
            assertEquals(0, sent.waiting(), () -> "the broker took everything: " + sent.problem());
            long whenKilled = appliedWhenKilled.get();
            long afterKill = applied(WESTLANDS);
            assertTrue(whenKilled > 0 && afterKill < events, "killed in the middle: " + whenKilled + " then " + afterKill
                    + " of " + events);

            long restarting = System.nanoTime();
            backend.startBackend();
            assertStockExact(desktop, WESTLANDS, parts, events);
            System.out.printf("backend killed after %d of %d events applied; restarted and caught up in %.1f s%n", afterKill,
                    events, (System.nanoTime() - restarting) / 1e9);
        }
    }

    @Test
    void aBrokerKilledWhileADesktopDrainsIntoItLosesNothingAndAppliesNothingTwice() throws Exception {
        SyncSettings settings = issueBrokerAccount(INDUSTRIAL_AREA);
        try (DesktopShop desktop = DesktopShop.create(desktopDirectory.resolve("industrial-area")); SyncAgent agent = agent(desktop)) {
            List<PartSummary> parts = threeParts(desktop);
            desktop.workADay(parts, OPERATIONS);
            settings.save(desktop.shop.database());
            long events = desktop.outbox().size();

            SyncState cut = agent.syncNow(new Progress() {
                int batches;

                @Override
                public void advanced(int units) {
                    if (++batches == 2) {
                        try {
                            backend.killBroker();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            assertEquals(SyncState.Status.OFFLINE, cut.status());
            assertTrue(cut.waiting() > 0 && cut.waiting() < events, "cut in the middle: " + cut.waiting() + " of " + events);

            long restarting = System.nanoTime();
            backend.startBroker();
            long brokerUp = System.nanoTime();
            SyncState resumed = agent.syncNow(Progress.NONE);
            long sent = System.nanoTime();
            assertEquals(0, resumed.waiting(), () -> String.valueOf(resumed.problem()));
            assertStockExact(desktop, INDUSTRIAL_AREA, parts, events);
            System.out.printf("broker killed with %d of %d events still to send; up again in %.1f s, the rest sent in %.1f s, "
                    + "head office exact %.1f s after the restart began%n", cut.waiting(), events, (brokerUp - restarting) / 1e9,
                    (sent - brokerUp) / 1e9, (System.nanoTime() - restarting) / 1e9);
        }
    }

    @Test
    void aDesktopKilledAfterTheBrokerConfirmedABatchAndBeforeMarkingItSentDuplicatesNothing() throws Exception {
        SyncSettings settings = issueBrokerAccount(THIKA_ROAD);
        Path directory = desktopDirectory.resolve("thika-road");
        List<PartSummary> parts;
        try (DesktopShop desktop = DesktopShop.create(directory)) {
            parts = threeParts(desktop);
            desktop.workADay(parts, 300);
            settings.save(desktop.shop.database());
        }
        Process dying = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DesktopSenderIT.DyingDesktop.class.getName(), directory.toString(),
                settings.brokerUrl(), settings.user(), settings.password()).inheritIO().start();
        assertTrue(dying.waitFor(60, TimeUnit.SECONDS));
        assertEquals(DesktopSenderIT.DyingDesktop.HALTED, dying.exitValue(), "the desktop died inside the window");

        try (DesktopShop desktop = DesktopShop.reopen(directory); SyncAgent agent = agent(desktop)) {
            long events = desktop.outbox().size();
            assertEquals(events - DesktopSenderIT.DyingDesktop.BATCH, desktop.unsent(), "the confirmed second batch is not marked sent");
            SyncState resent = agent.syncNow(Progress.NONE);
            assertEquals(0, resent.waiting(), () -> String.valueOf(resent.problem()));
            assertStockExact(desktop, THIKA_ROAD, parts, events);
            assertEquals(0, status(THIKA_ROAD, headOfficeToken()).getJsonNumber("duplicatesIgnored").longValue(),
                    "the broker dropped the batch sent again; the backend never saw it twice");
        }
    }

    /** The shop's own broker account, issued by its tenant's admin as for a real desktop. */
    private SyncSettings issueBrokerAccount(UUID shopId) {
        Api.Reply issued = api.post("api/v1/sync/shops/" + shopId + "/broker-account", headOfficeToken(), null);
        assertEquals(200, issued.status(), issued::toString);
        return new SyncSettings(shopId, backend.brokerUrl(), issued.json().getString("username"), issued.json().getString("password"));
    }

    /** Head office's stock of the shop's parts equals the till's, every event applied once, none rejected. */
    private void assertStockExact(DesktopShop desktop, UUID shopId, List<PartSummary> parts, long events) throws Exception {
        String headOffice = headOfficeToken();
        Map<String, Long> till = parts.stream().collect(Collectors.toMap(p -> p.id().toString(),
                p -> (long) desktop.shop.inventory().onHand(p.id())));
        Await.until(() -> centralStock(shopId, headOffice), till::equals, WITHIN);
        assertEquals(events, applied(shopId), "every event applied exactly once");
        JsonObject status = status(shopId, headOffice);
        assertEquals(events, status.getJsonNumber("eventsApplied").longValue());
        assertEquals(0, status.getJsonNumber("rejected").longValue());
    }

    private JsonObject status(UUID shopId, String headOffice) {
        return api.get("api/v1/sync/shops", headOffice).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("shopId").equals(shopId.toString())).findFirst().orElseThrow();
    }

    private Map<String, Long> centralStock(UUID shopId, String token) {
        Api.Reply reply = api.get("api/v1/sync/shops/" + shopId + "/stock", token);
        assertEquals(200, reply.status(), () -> reply + " " + reply.contentType());
        return reply.jsonArray().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(s -> s.getString("partId"), s -> s.getJsonNumber("onHand").longValue()));
    }

    private long applied(UUID shopId) {
        try (Connection c = backend.connect();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM sync_processed_event WHERE shop_id = ?")) {
            count.setObject(1, shopId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String headOfficeToken() {
        Api.Reply login = api.login("owner@demo.clutch", KillableBackend.DEMO_PASSWORD);
        assertEquals(200, login.status(), login::toString);
        return login.json().getString("accessToken");
    }

    private static List<PartSummary> threeParts(DesktopShop desktop) {
        return List.of(desktop.part("04465-02220", "Brake pad set front", 450000, 2_000),
                desktop.part("90915-YZZE1", "Oil filter", 95000, 3_000),
                desktop.part("17801-0T020", "Air filter", 120000, 1_500));
    }

    private static SyncAgent agent(DesktopShop desktop) {
        return new SyncAgent(desktop.shop.database(), Clock.systemUTC(),
                s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), OutboxSender.DEFAULT_BATCH_SIZE);
    }
}
