package org.clutch.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.client.ShopBroker;
import org.clutch.shop.Shop;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.staff.Role;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncRetry;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.sync.SyncState;

/**
 * Sync measured from a shop desktop's side: its real core (H2 database, sales rules, outbox) and sender with the
 * desktop's Artemis client, against the running backend. The desktop runs in the benchmark's JVM; the backend counts
 * what it applied in PostgreSQL.
 */
final class DesktopSyncBenchmark {

    /** Events per broker transaction on the desktop's side (-DdesktopBatch; the desktop's own default otherwise). */
    private static final int DESKTOP_BATCH = Integer.getInteger("desktopBatch", OutboxSender.DEFAULT_BATCH_SIZE);

    /** How many of a shop's events the backend has applied (each recorded once as processed). */
    private static final String APPLIED_EVENTS = "SELECT count(*) FROM sync_processed_event WHERE shop_id = ?";

    /** The backend's side of what the desktop sends: what it has applied, and its broker, to kill and start again. */
    interface Backend {
        Connection db() throws SQLException;

        void killBroker() throws Exception;

        void startBroker() throws Exception;

        /** The backend's processes and the broker's, for the CPU they spend ({@link CpuAccount}). */
        List<ProcessHandle> processes();
    }

    private final Backend backend;
    private final String brokerUrl;
    private final Path directory;
    private final Consumer<String> line;

    DesktopSyncBenchmark(Backend backend, String brokerUrl, Path directory, Consumer<String> line) {
        this.backend = backend;
        this.brokerUrl = brokerUrl;
        this.directory = directory;
        this.line = line;
    }

    /**
     * A till selling while online: each sale is stored, sent (as the sync job does on each stored change) and
     * waited for in the shop's central stock. From just before the sale is stored to its stock movement being in
     * the central ledger (polled every millisecond).
     */
    void saleToCentralStock(UUID shopId, int sales) throws Exception {
        try (Shop shop = Shop.open(directory.resolve("online"), Clock.systemUTC())) {
            Staff clerk = staff(shop);
            PartSummary part = part(shop, clerk, sales * 3 + 100);
            new SyncSettings(shopId, brokerUrl, BrokerAccountNames.shopUser(shopId), MarketplaceBenchmark.SHOP_BROKER_PASSWORD).save(shop.database());
            List<Long> delays = new ArrayList<>();
            try (SyncAgent agent = agent(shop); Connection db = backend.db(); PreparedStatement applied = db.prepareStatement(
                    "SELECT count(*) FROM shop_stock_movement WHERE shop_id = ?")) {
                agent.syncNow(Progress.NONE); // the part and its opening stock
                applied.setObject(1, shopId);
                long movements = await(applied, 2, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
                for (int i = 0; i < sales + 20; i++) {
                    long started = System.nanoTime();
                    sell(shop, part, clerk, 1);
                    SyncState state = agent.syncNow(Progress.NONE);
                    if (state.status() != SyncState.Status.ONLINE) {
                        throw new IllegalStateException("sync failed: " + state.problem());
                    }
                    movements = await(applied, movements + 1, started + TimeUnit.SECONDS.toNanos(10));
                    if (i >= 20) { // the first ones warm the path up
                        delays.add(System.nanoTime() - started);
                    }
                    Thread.sleep(20);
                }
            }
            Collections.sort(delays);
            line.accept(String.format("(i) desktop sale -> in the shop's central stock (sale stored on the desktop, sent, applied by the backend), %d sales one at a time: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    delays.size(), delays.get(delays.size() / 2) / 1e6, delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6,
                    delays.get(delays.size() - 1) / 1e6));
        }
    }

    /**
     * A shop that was offline: {@code sales} sales (two events each: the sale and its stock movement) wait in the
     * outbox; then the desktop reconnects and drains in broker transactions of {@link #DESKTOP_BATCH}, and the backend applies them.
     * With {@code killBrokerMidway} the broker is killed outright once half the batches are sent and started again over
     * its journal, while the desktop tries again as its sync job does and drains the rest once the broker is back.
     */
    void offlineBacklog(UUID shopId, int sales, boolean killBrokerMidway) throws Exception {
        offlineBacklog(shopId, sales, killBrokerMidway, killBrokerMidway ? "(k)" : "(j)");
    }

    /**
     * The same for another shop, labelled {@code label}: run after (j) it measures a desktop whose sending has run
     * at volume before in this process (its code compiled by the JIT), as a desktop that has synced all day has.
     */
    void offlineBacklog(UUID shopId, int sales, boolean killBrokerMidway, String label) throws Exception {
        try (Shop shop = Shop.open(directory.resolve("offline-" + label.replaceAll("\\W", "")), Clock.systemUTC())) {
            Staff clerk = staff(shop);
            PartSummary part = part(shop, clerk, sales * 2);
            long recordingStarted = System.nanoTime();
            for (int i = 0; i < sales; i++) {
                sell(shop, part, clerk, 1);
            }
            double recordSeconds = (System.nanoTime() - recordingStarted) / 1e9;
            long events = new OutboxSender(shop.database(), Clock.systemUTC()).waiting();
            new SyncSettings(shopId, brokerUrl, BrokerAccountNames.shopUser(shopId), MarketplaceBenchmark.SHOP_BROKER_PASSWORD).save(shop.database());
            long halfTheBatches = events / DESKTOP_BATCH / 2;
            BrokerKill kill = new BrokerKill();
            List<Long> confirmed = new ArrayList<>(); // when the broker confirmed each of the desktop's batches
            int failedTries = 0;
            CpuAccount cpuBefore = CpuAccount.take(processesWithDesktop());
            long started = System.nanoTime();
            long sentAt;
            try (SyncAgent agent = agent(shop); BackendWatch backendBack = killBrokerMidway ? new BackendWatch(shopId, kill) : null) {
                SyncState state;
                if (!killBrokerMidway) {
                    state = agent.syncNow(new Progress() {
                        @Override
                        public void advanced(int units) {
                            confirmed.add(System.nanoTime());
                        }
                    });
                } else {
                    // the desktop goes on as its sync job does (SyncRetry) while the broker is killed and restarted
                    // on a thread of its own; the first batch the new broker confirms is the desktop being back
                    SyncRetry retry = new SyncRetry();
                    Progress progress = new Progress() {
                        int batches;

                        @Override
                        public void advanced(int units) {
                            confirmed.add(System.nanoTime());
                            if (++batches == halfTheBatches) {
                                backendBack.start();
                                kill.start();
                            }
                        }
                    };
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while ((state = agent.syncNow(progress)).status() == SyncState.Status.OFFLINE && System.nanoTime() < deadline) {
                        failedTries++;
                        Thread.sleep(retry.next().toMillis());
                    }
                    kill.join();
                }
                sentAt = System.nanoTime();
                if (state.waiting() != 0) {
                    throw new IllegalStateException("not all sent: " + state);
                }
                long applied;
                try (Connection db = backend.db(); PreparedStatement count = db.prepareStatement(APPLIED_EVENTS)) {
                    count.setObject(1, shopId);
                    applied = await(count, events, System.nanoTime() + TimeUnit.SECONDS.toNanos(300));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                CpuAccount cpuAfter = CpuAccount.take(processesWithDesktop());
                double sendSeconds = (sentAt - started) / 1e9;
                String missing = applied < events ? " (only " + applied + " applied after 300 s)" : "";
                if (!killBrokerMidway) {
                    line.accept(String.format(label + " desktop offline backlog: %,d sales recorded offline in %.1f s (%,d events); on reconnecting sent in %.2f s (%.0f events/s), all applied by the backend after %.2f s: %.0f events/s end to end%s",
                            sales, recordSeconds, events, sendSeconds, events / sendSeconds, seconds, applied / seconds, missing));
                    line.accept("    CPU from reconnecting to all applied, ms per 1,000 events: " + cpuAfter.perThousand(cpuBefore, events));
                    line.accept(String.format("    the desktop's batches confirmed a median %.0f ms apart", medianGapMillis(confirmed)));
                } else {
                    line.accept(String.format(label + " the same backlog (%,d events) with the broker killed (SIGKILL) after %d of its batches and started again over its journal: sent in %.2f s, all applied after %.2f s: %.0f events/s end to end%s",
                            events, halfTheBatches, sendSeconds, seconds, applied / seconds, missing));
                    long killed = kill.killedAt();
                    long restarted = kill.restartedAt();
                    List<Long> onRestartedBroker = confirmed.stream().filter(t -> t > restarted).toList();
                    line.accept(String.format("    from the kill: broker accepting connections again %.2f s, the desktop's first batch confirmed by it %.2f s "
                                    + "(after %d failed tries, as its sync job makes them), the backend's first event applied after it %.2f s",
                            (restarted - killed) / 1e9, (onRestartedBroker.get(0) - killed) / 1e9, failedTries,
                            (backendBack.firstApplied() - killed) / 1e9));
                    line.accept(String.format("    the desktop's batches confirmed a median %.0f ms apart before the kill, %.0f ms apart on the restarted broker",
                            medianGapMillis(confirmed.stream().filter(t -> t < killed).toList()), medianGapMillis(onRestartedBroker)));
                }
            }
        }
    }

    /** Kills the broker outright and starts it again over its journal, on a thread of its own. */
    private final class BrokerKill {
        private volatile long killedAt;
        private volatile long restartedAt;
        private volatile Exception failure;
        private Thread thread;

        void start() {
            thread = Thread.ofPlatform().start(() -> {
                try {
                    backend.killBroker();
                    killedAt = System.nanoTime();
                    backend.startBroker();
                    restartedAt = System.nanoTime();
                } catch (Exception e) {
                    failure = e;
                }
            });
        }

        long killedAt() {
            return killedAt;
        }

        /** When the broker accepted connections again; 0 until then. */
        long restartedAt() {
            return restartedAt;
        }

        void join() throws Exception {
            if (thread == null) {
                throw new IllegalStateException("the broker was never killed: the backlog had fewer batches than expected");
            }
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Finds when the backend first applies an event of the shop after the broker's restart: from the moment the
     * restarted broker accepts connections until the shop's count in PostgreSQL first grows (polled every 2 ms on a
     * thread of its own), and no longer. It used to poll every 5 ms through the whole second half of (k); those
     * queries (a count under row-level security) took CPU from the drain that (j2), the kill's baseline, did not pay.
     */
    private final class BackendWatch implements AutoCloseable {
        private final UUID shopId;
        private final BrokerKill kill;
        private volatile long firstApplied;
        private volatile boolean running = true;
        private Thread thread;

        BackendWatch(UUID shopId, BrokerKill kill) {
            this.shopId = shopId;
            this.kill = kill;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try (Connection db = backend.db(); PreparedStatement count = db.prepareStatement(APPLIED_EVENTS)) {
                    count.setObject(1, shopId);
                    while (running && kill.restartedAt() == 0) {
                        Thread.sleep(2);
                    }
                    long before = applied(count);
                    while (running) {
                        if (applied(count) > before) {
                            firstApplied = System.nanoTime();
                            return;
                        }
                        Thread.sleep(2);
                    }
                } catch (Exception e) {
                    running = false;
                }
            });
        }

        /** When the backend was first seen applying an event after the broker's restart; 0 if never. */
        long firstApplied() {
            return firstApplied;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(1_000);
            }
        }
    }

    /** The desktop is this JVM. */
    private List<ProcessHandle> processesWithDesktop() {
        List<ProcessHandle> processes = new ArrayList<>(backend.processes());
        processes.add(ProcessHandle.current());
        return processes;
    }

    private SyncAgent agent(Shop shop) {
        return new SyncAgent(shop.database(), Clock.systemUTC(),
                s -> ShopBroker.connectionFactory(s.brokerUrl(), s.user(), s.password()), DESKTOP_BATCH);
    }

    private static Staff staff(Shop shop) {
        return shop.staff().isEmpty() ? shop.staff().create("bench", "Bench Manager", Role.MANAGER, "bench-pass".toCharArray())
                : shop.staff().login("bench", "bench-pass".toCharArray()).orElseThrow();
    }

    private static PartSummary part(Shop shop, Staff manager, int stock) {
        Part part = shop.catalog().save(new Part(null, "BENCH-" + UUID.randomUUID().toString().substring(0, 8), "Bosch",
                "Brake pad set front", "Brakes", null, 200000, 450000, true, "A-01", 0, 0, 0, List.of(), List.of()), manager);
        shop.inventory().adjust(part.id(), "A-01", stock, "opening stock", manager);
        return shop.catalog().findByNumber(part.partNumber()).get(0);
    }

    private static void sell(Shop shop, PartSummary part, Staff clerk, int quantity) {
        Cart cart = new Cart(shop.profile().tax());
        cart.add(part, quantity);
        shop.sales().complete(cart, List.of(Tender.cash(part.priceMinor() * quantity * 2)), clerk);
    }

    /** The median time between consecutive instants (System.nanoTime()), in milliseconds; NaN for fewer than two. */
    private static double medianGapMillis(List<Long> instants) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < instants.size(); i++) {
            gaps.add(instants.get(i) - instants.get(i - 1));
        }
        Collections.sort(gaps);
        return gaps.isEmpty() ? Double.NaN : gaps.get(gaps.size() / 2) / 1e6;
    }

    /** The shop's applied events, as {@link #APPLIED_EVENTS} prepared for it counts them now. */
    private static long applied(PreparedStatement count) throws SQLException {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Polls {@code count} until it reaches {@code target} or the deadline passes; returns the last count. */
    private static long await(PreparedStatement count, long target, long deadlineNanos) throws Exception {
        long value;
        do {
            value = applied(count);
            if (value >= target) {
                return value;
            }
            Thread.sleep(1);
        } while (System.nanoTime() < deadlineNanos);
        return value;
    }
}
