package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.clutch.jms.client.ShopBroker;
import org.clutch.shop.Shop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncLogEntry;
import org.clutch.shop.sync.SyncSettings;
import org.clutch.shop.sync.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop desktop's side of sync (its real core: local H2 database, outbox, sender) against a real Artemis broker of
 * its own, without the backend: the outbox leaves in order, is marked sent only once the
 * broker has it, waits while the broker is away, and is never delivered twice, whether the broker or the desktop
 * stops in the middle.
 */
class DesktopSenderIT {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path shopDirectory;
    @TempDir
    Path brokerDirectory;

    @Test
    void theOutboxLeavesInOrderAndIsMarkedSentOnceTheBrokerHasIt() throws Exception {
        try (DesktopShop t = DesktopShop.create(shopDirectory); TestBroker broker = new TestBroker(brokerDirectory).start()) {
            PartSummary pads = t.part("BP-100", "Brake pad set front", 450000, 50);
            t.sell(pads, 1, 3);
            new SyncSettings(SHOP, broker.url(), null, null).save(t.shop.database());
            List<UUID> recorded = t.outbox();

            try (SyncAgent agent = agent(t.shop, broker)) {
                SyncState state = agent.syncNow(Progress.NONE);

                assertEquals(SyncState.Status.ONLINE, state.status());
                assertEquals(0, state.waiting());
                assertNotNull(state.lastSuccess());
                assertEquals(recorded, broker.takeInbound(), "every event, in the order it was recorded");
                assertEquals(0, t.unsent());
                List<SyncLogEntry> log = agent.log().recent(10);
                assertEquals(SyncLogEntry.Kind.SENT, log.get(0).kind());
                assertEquals(recorded.size(), log.get(0).events());
                assertEquals(SyncLogEntry.Kind.ONLINE, log.get(1).kind());

                assertEquals(0, agent.syncNow(Progress.NONE).waiting());
                assertEquals(List.of(), broker.takeInbound(), "nothing is sent twice");
            }
        }
    }

    @Test
    void whileTheBrokerIsAwayChangesWaitAndGoOutWhenItAnswers() throws Exception {
        try (DesktopShop t = DesktopShop.create(shopDirectory); TestBroker broker = new TestBroker(brokerDirectory)) {
            PartSummary pads = t.part("BP-100", "Brake pad set front", 450000, 500);
            new SyncSettings(SHOP, broker.url(), null, null).save(t.shop.database());
            try (SyncAgent agent = agent(t.shop, broker)) {
                t.sell(pads, 1, 20);
                SyncState offline = agent.syncNow(Progress.NONE);
                assertEquals(SyncState.Status.OFFLINE, offline.status());
                assertTrue(offline.problemDetail().contains(broker.url()), offline.problemDetail());
                t.sell(pads, 1, 20);
                assertEquals(SyncState.Status.OFFLINE, agent.syncNow(Progress.NONE).status());
                long waiting = t.unsent();
                assertEquals(t.outbox().size(), waiting, "nothing is marked sent while offline");
                assertEquals(1, agent.log().recent(10).stream().filter(e -> e.kind() == SyncLogEntry.Kind.OFFLINE).count(),
                        "going offline is logged once, not at each retry");

                broker.start();
                SyncState online = agent.syncNow(Progress.NONE);

                assertEquals(SyncState.Status.ONLINE, online.status());
                assertEquals(t.outbox(), broker.takeInbound());
                assertEquals(0, online.waiting());
            }
        }
    }

    @Test
    void aBrokerStoppedMidDrainLosesNothingAndDuplicatesNothing() throws Exception {
        try (DesktopShop t = DesktopShop.create(shopDirectory); TestBroker broker = new TestBroker(brokerDirectory).start()) {
            PartSummary pads = t.part("BP-100", "Brake pad set front", 450000, 1_000);
            t.sell(pads, 1, 300);
            new SyncSettings(SHOP, broker.url(), null, null).save(t.shop.database());
            try (SyncAgent agent = agent(t.shop, broker)) {
                Progress stopAfterTwoBatches = new Progress() {
                    int batches;

                    @Override
                    public void advanced(int units) {
                        if (++batches == 2) {
                            try {
                                broker.stop();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                };
                SyncState cut = agent.syncNow(stopAfterTwoBatches);
                assertEquals(SyncState.Status.OFFLINE, cut.status());
                assertTrue(cut.waiting() > 0 && cut.waiting() < t.outbox().size(), "stopped mid-way: " + cut.waiting());

                broker.start();
                assertEquals(0, agent.syncNow(Progress.NONE).waiting());
                assertEquals(t.outbox(), broker.takeInbound(), "each event once, in order");
            }
        }
    }

    @Test
    void aDesktopKilledAfterTheBrokerConfirmedAndBeforeMarkingSentSendsNoDuplicate() throws Exception {
        try (TestBroker broker = new TestBroker(brokerDirectory).start()) {
            try (DesktopShop t = DesktopShop.create(shopDirectory)) {
                PartSummary pads = t.part("BP-100", "Brake pad set front", 450000, 1_000);
                t.sell(pads, 1, 150);
                new SyncSettings(SHOP, broker.url(), null, null).save(t.shop.database());
            }
            Process desktop = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DyingDesktop.class.getName(), shopDirectory.toString(),
                    broker.url()).inheritIO().start();
            assertTrue(desktop.waitFor(60, TimeUnit.SECONDS));
            assertEquals(DyingDesktop.HALTED, desktop.exitValue(), "the desktop died inside the window");

            try (DesktopShop t = DesktopShop.reopen(shopDirectory); SyncAgent agent = agent(t.shop, broker)) {
                List<UUID> recorded = t.outbox();
                assertEquals(recorded.size() - DyingDesktop.BATCH, t.unsent(),
                        "the first batch was marked sent; the second, confirmed by the broker, was not");

                SyncState resent = agent.syncNow(Progress.NONE);
                assertEquals(0, resent.waiting(), () -> String.valueOf(resent.problem()));

                List<UUID> delivered = broker.takeInbound();
                assertEquals(recorded.size(), delivered.size(), "no event twice on the queue");
                assertEquals(new HashSet<>(recorded), new HashSet<>(delivered));
                assertEquals(recorded, delivered, "and still in order");
            }
        }
    }

    @Test
    void settingsAreCheckedBeforeTheyAreKept() throws Exception {
        try (DesktopShop t = DesktopShop.create(shopDirectory)) {
            assertThrows(RuleException.class, () -> new SyncSettings(null, "tcp://h:61616", null, null));
            RuleException badUrl = assertThrows(RuleException.class, () -> new SyncSettings(SHOP, "http://h", null, null));
            assertTrue(badUrl.getMessage().contains("tcp://"));
            assertTrue(SyncSettings.load(t.shop.database()).isEmpty());
            try (SyncAgent agent = new SyncAgent(t.shop.database(), Clock.systemUTC(), s -> {
                throw new AssertionError("no broker without settings");
            }, 100)) {
                assertEquals(SyncState.Status.NOT_SET_UP, agent.syncNow(Progress.NONE).status());
            }
            new SyncSettings(SHOP, "tcp://broker.example:61616", "shop-1", "secret").save(t.shop.database());
            assertEquals(new SyncSettings(SHOP, "tcp://broker.example:61616", "shop-1", "secret"),
                    SyncSettings.load(t.shop.database()).orElseThrow());
        }
    }

    /**
     * Sends two batches, then dies the moment the broker confirmed the second, before it is marked sent. Arguments:
     * the desktop's directory, the broker's URL, and the shop's broker account and password where it needs one.
     */
    public static final class DyingDesktop {
        static final int BATCH = 40;
        static final int HALTED = 137;

        public static void main(String[] args) throws Exception {
            Shop shop = Shop.open(Path.of(args[0]), Clock.systemUTC());
            SyncAgent agent = new SyncAgent(shop.database(), Clock.systemUTC(),
                    s -> ShopBroker.connectionFactory(args[1], args.length > 2 ? args[2] : null, args.length > 3 ? args[3] : null),
                    BATCH);
            agent.syncNow(new Progress() {
                int batches;

                @Override
                public void advanced(int units) {
                    if (++batches == 2) {
                        Runtime.getRuntime().halt(HALTED); // as SIGKILL: no shutdown hooks, no close
                    }
                }
            });
            System.exit(1); // not reached when the window was hit
        }
    }

    private static SyncAgent agent(Shop shop, TestBroker broker) {
        return new SyncAgent(shop.database(), Clock.systemUTC(), s -> broker.connectionFactory(), 100);
    }
}
