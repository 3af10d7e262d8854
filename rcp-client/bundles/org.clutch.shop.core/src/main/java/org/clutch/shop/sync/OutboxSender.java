package org.clutch.shop.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.clutch.jms.Destinations;
import org.clutch.jms.SyncEvent;
import org.clutch.jms.SyncMessages;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.exchange.Progress;

/**
 * Sends the outbox to the backend's inbound queue, oldest first, in broker transactions of up to {@code batchSize}
 * events: one commit (one journal write on the broker) per batch instead of one per event. An event is marked sent
 * only after the broker confirmed the batch holding it.
 *
 * <p>If the desktop stops between the broker's confirmation and the marking, the same events go again next time.
 * Each carries its event id as the broker's duplicate-detection id: inside a transaction a duplicate makes the
 * broker refuse the whole commit, so a refused batch is sent again one event at a time, where the broker drops each
 * duplicate alone and keeps the rest. (The backend also applies an event id only once, whatever the broker
 * remembers.)
 */
public final class OutboxSender {

    public static final int DEFAULT_BATCH_SIZE = 500;

    private final ShopDatabase database;
    private final Clock clock;
    /** The session of the last drain, its producer and the connection it belongs to (one drain at a time). */
    private Session session;
    private MessageProducer producer;
    private Connection sessionConnection;

    /**
     * The oldest unsent events. Ordered as the index {@code outbox_unsent (sent_at, seq)} is: all of them have no
     * {@code sent_at}, so this is {@code seq} order, and H2 then reads just {@code limit} rows along the index; ordered
     * by {@code seq} alone, it read and sorted the whole backlog for every batch.
     */
    static final String NEXT_UNSENT = """
            SELECT id, type, version, subject_id, created_at, payload FROM outbox_event
            WHERE sent_at IS NULL ORDER BY sent_at, seq LIMIT ?""";

    public OutboxSender(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Events recorded and not yet confirmed by the broker. */
    public long waiting() {
        return database.read(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Sends everything waiting as shop {@code shopId}, batch after batch, until nothing is left or {@code progress}
     * is cancelled. {@code progress} advances by each batch once the broker confirmed it, before it is marked sent.
     *
     * @return the number of events the broker confirmed
     * @throws JMSException when the broker cannot be reached or stops answering; what was confirmed until then is
     *         marked sent, the rest waits for the next try
     */
    public int drain(Connection connection, UUID shopId, int batchSize, Progress progress) throws JMSException {
        int sent = 0;
        progress.started("Sending changes to the marketplace", (int) Math.min(Integer.MAX_VALUE, waiting()));
        List<SyncEvent> batch;
        while (!progress.isCancelled() && !(batch = nextUnsent(shopId, batchSize)).isEmpty()) {
            try {
                Session transacted = transactedSession(connection);
                send(transacted, producer, batch);
                transacted.commit();
            } catch (JMSException refused) {
                // A duplicate inside the transaction (reported as a rolled-back or a plain failed commit,
                // depending on the broker) or a broken connection: one by one tells them apart, since it fails
                // again only when the broker is really gone.
                dropSession();
                sendOneByOne(connection, batch);
            } catch (RuntimeException e) {
                dropSession(); // nothing half sent may stay in the session's transaction for the next drain
                throw e;
            }
            progress.advanced(batch.size());
            markSent(batch);
            sent += batch.size();
        }
        return sent;
    }

    /**
     * The session batches go out in, kept open from one drain to the next on the same connection: the broker checks
     * the shop's account at every session opened, and a sale sent while online would wait for that each time.
     */
    private Session transactedSession(Connection connection) throws JMSException {
        if (session != null && sessionConnection != connection) {
            dropSession();
        }
        if (session == null) {
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = inboundProducer(session);
            sessionConnection = connection;
        }
        return session;
    }

    /** Closes the session; its transaction is rolled back with it, and its events are still unsent here. */
    private void dropSession() {
        if (session != null) {
            try {
                session.close();
            } catch (JMSException alreadyBroken) {
                // the connection is gone, and the session with it
            }
            session = null;
            producer = null;
            sessionConnection = null;
        }
    }

    private static MessageProducer inboundProducer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(Destinations.SYNC_INBOUND));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }

    private static void send(Session session, MessageProducer producer, List<SyncEvent> events) throws JMSException {
        for (SyncEvent event : events) {
            TextMessage message = session.createTextMessage();
            SyncMessages.write(event, message);
            producer.send(message);
        }
    }

    /** Each send outside a transaction waits for the broker; one it has seen already is dropped there silently. */
    private static void sendOneByOne(Connection connection, List<SyncEvent> events) throws JMSException {
        Session single = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            send(single, inboundProducer(single), events);
        } finally {
            single.close();
        }
    }

    private List<SyncEvent> nextUnsent(UUID shopId, int limit) {
        return database.read(c -> {
            List<SyncEvent> events = new ArrayList<>(limit);
            try (PreparedStatement select = c.prepareStatement(NEXT_UNSENT)) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new SyncEvent(rows.getObject(1, UUID.class), shopId, rows.getString(2), rows.getInt(3),
                                rows.getObject(4, UUID.class), rows.getTimestamp(5).toInstant(), rows.getString(6)));
                    }
                }
            }
            return events;
        });
    }

    /** By id, not by a range of seq: an event committed late with a lower seq must not be marked without being sent. */
    private void markSent(List<SyncEvent> events) {
        Timestamp now = Timestamp.from(clock.instant());
        database.inTransaction(c -> {
            try (PreparedStatement mark = c.prepareStatement("UPDATE outbox_event SET sent_at = ? WHERE id = ?")) {
                for (SyncEvent event : events) {
                    mark.setTimestamp(1, now);
                    mark.setObject(2, event.eventId());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
            return null;
        });
    }
}
