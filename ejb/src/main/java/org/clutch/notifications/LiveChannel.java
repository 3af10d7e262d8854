package org.clutch.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live half of notifications: open connections (WebSocket sessions) subscribe per recipient, and every
 * stored notification is pushed to them once its transaction has committed, never before, so nobody is told
 * of something that was then rolled back.
 */
@ApplicationScoped
public class LiveChannel {

    private static final Logger LOG = Logger.getLogger(LiveChannel.class.getName());

    /** Receives the JSON text of each notification for its recipient. */
    public interface Subscriber extends Consumer<String> {
    }

    private final Map<Recipient, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Jsonb jsonb = JsonbBuilder.create();

    public void subscribe(Recipient recipient, Subscriber subscriber) {
        subscribers.computeIfAbsent(recipient, r -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    public void unsubscribe(Recipient recipient, Subscriber subscriber) {
        subscribers.computeIfPresent(recipient, (r, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationStored stored) {
        Set<Subscriber> targets = subscribers.get(stored.recipient());
        if (targets == null) {
            return;
        }
        String json = jsonb.toJson(stored.view());
        for (Subscriber subscriber : targets) {
            try {
                subscriber.accept(json);
            } catch (RuntimeException e) {
                // A broken connection must not stop the others; the notification stays stored for later reading.
                LOG.log(Level.FINE, "event=push-failed recipient=" + stored.recipient(), e);
            }
        }
    }

    /** Fired for every stored notification. */
    public record NotificationStored(Recipient recipient, NotificationView view) {
    }
}
