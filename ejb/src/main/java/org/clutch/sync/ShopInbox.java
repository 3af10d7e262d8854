package org.clutch.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.clutch.jms.Destinations;
import org.clutch.jms.SyncEvent;
import org.clutch.jms.SyncMessages;
import org.clutch.platform.Messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What the backend has for a shop desktop, put on that shop's own durable inbox queue, where it waits while the
 * desktop is offline. The connection comes from the Artemis resource adapter and joins the caller's transaction:
 * the message exists exactly when the change it reports does.
 */
@Stateless
public class ShopInbox {

    /** Absent values are written as null: the contracts list every field (ShopInboxTypes). */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    @JMSConnectionFactory(Messaging.CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    Clock clock;

    /**
     * Puts {@code payload} (as JSON) on the shop's inbox. {@code relevantUntil} (may be null) bounds how long it waits
     * there: a request to quote that expired is of no use to a desktop that comes back tomorrow.
     */
    public void send(UUID shopId, String type, UUID subjectId, Object payload, Instant relevantUntil) {
        Instant now = clock.instant();
        SyncEvent event = new SyncEvent(UUID.randomUUID(), shopId, type, 1, subjectId, now, JSONB.toJson(payload));
        TextMessage message = jms.createTextMessage();
        try {
            SyncMessages.write(event, message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write " + type + " for shop " + shopId, e);
        }
        JMSProducer producer = jms.createProducer();
        if (relevantUntil != null) {
            producer.setTimeToLive(Math.max(1, Duration.between(now, relevantUntil).toMillis()));
        }
        producer.send(jms.createQueue(Destinations.shopInbox(shopId)), message);
    }
}
