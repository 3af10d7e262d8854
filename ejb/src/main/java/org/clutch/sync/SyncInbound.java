package org.clutch.sync;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.clutch.jms.BrokerAccountNames;
import org.clutch.jms.Destinations;
import org.clutch.jms.SyncEvent;
import org.clutch.jms.SyncMessages;
import org.clutch.platform.DatabaseMigrations;
import org.clutch.platform.Messaging;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the shops' sync events from {@link Destinations#SYNC_INBOUND} in batches: one transaction (the broker and
 * PostgreSQL together, through the resource adapter) receives up to a batch of messages, applies them
 * ({@link SyncEventApplier}) and moves the ones that cannot be applied to {@link Destinations#SYNC_REJECTED} with
 * their reason. One message per transaction would cap the rate near the disk's flush rate; a batch costs the same
 * flushes. One consumer keeps each shop's events in the order the shop sent them.
 * <p>
 * A batch that fails is rolled back and the broker redelivers it. Where it failed while being applied (an event
 * breaks a rule no check foresaw, the database went away) its messages are then taken one at a time, so a single
 * poison message reaches the broker's dead-letter queue after its bounded redeliveries while the others are applied;
 * where receiving or committing failed (the broker went away) the batch is taken again whole. After a failure nothing is
 * received until the database answers again, so an outage does not spend the messages' delivery attempts.
 * <p>
 * A broker that dies while a batch commits can hold the commit up: the adapter waits for answers that will not come
 * (its call timeout), and when the broker's part had been prepared, Payara's transaction manager commits it again only
 * after a fixed 60 s. PostgreSQL's part (the last resource, committed in one phase after the broker's prepare) is done
 * by then. So that a broker restart does not stop every shop's sync for that long, a commit that has not returned
 * within {@link #STALLED_COMMIT} hands the draining over to a fresh loop; the stalled thread finishes its commit (or
 * rollback) and stops. Messages held meanwhile are never applied twice: their events are recorded as processed.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SyncInbound {

    private static final Logger LOG = Logger.getLogger(SyncInbound.class.getName());

    /**
     * How long a batch's commit may take before the draining goes on without it. Commits take milliseconds; one still
     * running after this waits on a broker that died while it committed. Going on in a new loop too early overlaps two batches for a moment: each event is still
     * applied once, stock movements add up and catalog edits carry their own stamps whatever the order; only an order
     * step that needs a step of the committing batch could be refused and reported back, as any refused step is.
     * Going on late keeps every shop's sync waiting for the adapter's call timeout after a broker kill.
     */
    static final Duration STALLED_COMMIT = Duration.ofSeconds(2);

    /** How often the watch looks at the commit in progress. */
    private static final long WATCH_PERIOD_MS = 250;

    /** The draining loop's pause when the last batch did not fail. */
    private static final long NO_FAILURE = -1;

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    DataSource dataSource;

    /** The loops run for the application's life: threads of their own, not tasks holding a shared pool's threads. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    SyncEventApplier applier;

    @Inject
    @ConfigProperty(name = "clutch.sync.inbound.enabled", defaultValue = "true")
    boolean enabled;

    /** Events per transaction; larger batches drain a backlog faster and hold locks longer. */
    @Inject
    @ConfigProperty(name = "clutch.sync.batch-size", defaultValue = "500")
    int batchSize;

    private volatile boolean running;
    /** The draining loop that may take messages; a loop whose commit stalled is superseded by the next. */
    private final AtomicInteger currentLoop = new AtomicInteger();
    /** When the current loop began committing its batch (System.nanoTime()), 0 when it is not committing. */
    private volatile long committingSince;
    private volatile Thread loop;
    private Thread watch;
    /** Messages still to take one at a time after a failed batch. */
    private int takeSingly;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("event=sync-inbound-disabled");
            return;
        }
        running = true;
        int first = currentLoop.get();
        loop = startThread("clutch-sync-inbound-" + first, () -> drain(first));
        watch = startThread("clutch-sync-commit-watch", this::watchCommits);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (watch != null) {
            watch.interrupt();
        }
        Thread last = loop;
        if (last != null) {
            try {
                last.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last.interrupt();
        }
    }

    /** A commit stalled for {@link #STALLED_COMMIT} gets a fresh loop to go on with. */
    private void watchCommits() {
        while (running) {
            try {
                Thread.sleep(WATCH_PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long since = committingSince;
            if (since != 0 && System.nanoTime() - since > STALLED_COMMIT.toNanos()) {
                int next = currentLoop.incrementAndGet();
                committingSince = 0;
                LOG.warning(() -> "event=sync-commit-stalled waited_ms=" + (System.nanoTime() - since) / 1_000_000
                        + " action=draining-goes-on-in-a-new-loop");
                loop = startThread("clutch-sync-inbound-" + next, () -> drain(next));
            }
        }
    }

    private Thread startThread(String name, Runnable body) {
        Thread thread = threads.newThread(body);
        thread.setName(name);
        thread.start();
        return thread;
    }

    /**
     * After a failed batch the next one is tried at once (a broker that died has usually been reconnected to by the
     * time its loss fails the batch), then after 250 ms, 500 ms... up to 5 s while it keeps failing; and never before
     * the database answers.
     */
    private void drain(int me) {
        long pause = NO_FAILURE;
        while (running && currentLoop.get() == me) {
            try {
                if (pause != NO_FAILURE) {
                    Thread.sleep(pause);
                    if (!databaseAnswers()) {
                        pause = longer(pause);
                        continue; // receiving now would only spend the messages' delivery attempts
                    }
                }
                receiveAndApply(me);
                pause = NO_FAILURE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                rollback();
                pause = pause == NO_FAILURE ? 0 : longer(pause); // the database or broker may be coming back
                LOG.log(Level.WARNING, "event=sync-batch-failed retry_in_ms=" + pause + " reason=" + e, e);
            }
        }
    }

    private static long longer(long pause) {
        return Math.min(Math.max(pause * 2, 250), 5_000);
    }

    private void receiveAndApply(int me) throws Exception {
        int wanted = takeSingly > 0 ? 1 : batchSize;
        transaction.begin();
        List<Message> received = new ArrayList<>();
        boolean applying = false;
        try (JMSContext jms = connectionFactory.createContext()) {
            long started = System.nanoTime();
            Queue inbound = jms.createQueue(Destinations.SYNC_INBOUND);
            try (JMSConsumer consumer = jms.createConsumer(inbound)) {
                Message first = consumer.receive(1_000);
                if (first != null) {
                    started = System.nanoTime();
                    received.add(first);
                    Message next;
                    // the rest of what is already on its way; a short wait, not a poll per message
                    while (received.size() < wanted && (next = consumer.receive(5)) != null) {
                        received.add(next);
                    }
                }
            }
            long receivedAt = System.nanoTime();
            applying = true;
            String outcome = received.isEmpty() ? null : apply(jms, received);
            applying = false;
            long appliedAt = System.nanoTime();
            committingSince = appliedAt;
            try {
                transaction.commit();
            } finally {
                if (currentLoop.get() == me) {
                    committingSince = 0;
                }
            }
            if (currentLoop.get() != me) {
                LOG.info(() -> "event=sync-stalled-commit-finished messages=" + received.size() + " commit_ms="
                        + (System.nanoTime() - appliedAt) / 1_000_000);
                return;
            }
            if (outcome != null) {
                long committedAt = System.nanoTime();
                long receiveStarted = started;
                LOG.info(() -> "event=sync-batch messages=" + received.size() + " " + outcome + " receive_ms="
                        + (receivedAt - receiveStarted) / 1_000_000 + " apply_ms=" + (appliedAt - receivedAt) / 1_000_000
                        + " commit_ms=" + (committedAt - appliedAt) / 1_000_000);
            }
            if (takeSingly > 0) {
                takeSingly -= received.size();
            }
        } catch (Exception e) {
            if (applying) {
                // something in the batch broke a rule no check foresaw: find it by taking its messages one at a time.
                // A failure to receive or to commit is the broker or the database going away, not a message: the
                // batch is simply taken again once they answer (taking it one at a time then is much slower).
                takeSingly = Math.max(takeSingly, received.size() > 1 ? received.size() : 0);
            }
            throw e;
        }
    }

    /** Applies what can be, rejects the rest; answers the counts for the log. */
    private String apply(JMSContext jms, List<Message> received) throws Exception {
        List<SyncEvent> events = new ArrayList<>(received.size());
        Map<UUID, Message> messageOf = new HashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Message message : received) {
            try {
                SyncEvent event = SyncMessages.read(message);
                String sender = message.getStringProperty(BrokerAccountNames.VALIDATED_USER);
                Optional<UUID> sendingShop = BrokerAccountNames.shopOf(sender);
                if (sendingShop.isPresent() && !sendingShop.get().equals(event.shopId())) {
                    // a shop may only speak for itself; the backend's own account is trusted for any shop
                    rejected.add(new Rejected(message, "sent with the broker account " + sender + " for another shop, "
                            + event.shopId()));
                    continue;
                }
                events.add(event);
                messageOf.put(event.eventId(), message);
            } catch (SyncMessages.MalformedSyncMessage e) {
                rejected.add(new Rejected(message, e.getMessage()));
            }
        }
        SyncEventApplier.Outcome outcome = applier.apply(events);
        outcome.rejections().forEach(r -> rejected.add(new Rejected(messageOf.get(r.event().eventId()), r.reason())));
        if (!rejected.isEmpty()) {
            JMSProducer producer = jms.createProducer();
            Queue rejectedQueue = jms.createQueue(Destinations.SYNC_REJECTED);
            for (Rejected r : rejected) {
                producer.send(rejectedQueue, copyWithReason(jms, r));
                LOG.warning(() -> "event=sync-event-rejected id=" + property(r.message(), SyncMessages.EVENT_ID)
                        + " shop=" + property(r.message(), SyncMessages.SHOP_ID) + " reason=" + r.reason());
            }
        }
        return "applied=" + outcome.applied() + " duplicates=" + outcome.duplicates() + " rejected=" + rejected.size();
    }

    private record Rejected(Message message, String reason) {
    }

    /** The rejected message as it came (body and the event's properties) plus the reason. */
    private static Message copyWithReason(JMSContext jms, Rejected r) throws JMSException {
        Message copy = r.message() instanceof TextMessage text ? jms.createTextMessage(text.getText()) : jms.createMessage();
        for (String name : List.of(SyncMessages.EVENT_ID, SyncMessages.SHOP_ID, SyncMessages.TYPE, SyncMessages.SUBJECT_ID,
                SyncMessages.OCCURRED_AT)) {
            String value = property(r.message(), name);
            if (value != null) {
                copy.setStringProperty(name, value);
            }
        }
        if (r.message().propertyExists(SyncMessages.VERSION)) {
            copy.setObjectProperty(SyncMessages.VERSION, r.message().getObjectProperty(SyncMessages.VERSION));
        }
        copy.setStringProperty(SyncMessages.REJECTION_REASON, r.reason());
        return copy;
    }

    private static String property(Message message, String name) {
        try {
            Object value = message.getObjectProperty(name);
            return value == null ? null : value.toString();
        } catch (JMSException e) {
            return null;
        }
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection(); Statement probe = c.createStatement()) {
            probe.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.warning(() -> "event=sync-waiting-for-database reason=" + e.getMessage());
            return false;
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "event=sync-rollback-failed", e);
        }
    }
}
