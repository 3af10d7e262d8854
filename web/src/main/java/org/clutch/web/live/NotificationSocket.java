package org.clutch.web.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.clutch.accounts.AccessTokens;
import org.clutch.accounts.ActiveSessions;
import org.clutch.notifications.LiveChannel;
import org.clutch.notifications.Recipient;
import org.clutch.platform.Role;

import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Live notifications: {@code ws://host/ws/notifications?access_token=JWT}. A customer receives its own
 * notifications, shop staff their shop's; each message is the JSON of a stored notification. A missing,
 * invalid or expired token closes the connection at once with 1008 (policy violation). The token travels in
 * the query because browsers cannot set headers on a WebSocket handshake.
 */
@ServerEndpoint("/ws/notifications")
public class NotificationSocket {

    private static final Logger LOG = Logger.getLogger(NotificationSocket.class.getName());
    private static final String SUBSCRIPTION = "clutch.subscription";

    @Inject
    AccessTokens tokens;

    @Inject
    ActiveSessions sessions;

    @Inject
    LiveChannel channel;

    private record Subscription(Recipient recipient, LiveChannel.Subscriber subscriber) {
    }

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> token = session.getRequestParameterMap().get("access_token");
        var actor = tokens.verify(token == null || token.isEmpty() ? null : token.get(0)).filter(a -> sessions.isActive(a.sessionId()));
        if (actor.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "a valid access_token is required"));
            return;
        }
        if (!actor.get().has(Role.CUSTOMER) && !actor.get().has(Role.SHOP_STAFF)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "only customers and shop staff receive notifications"));
            return;
        }
        Recipient recipient = Recipient.of(actor.get());
        LiveChannel.Subscriber subscriber = json -> send(session, json);
        session.getUserProperties().put(SUBSCRIPTION, new Subscription(recipient, subscriber));
        channel.subscribe(recipient, subscriber);
        LOG.fine(() -> "event=live-open recipient=" + recipient + " session=" + session.getId());
    }

    /**
     * Hands the message to the container and returns at once: a fan-out to hundreds of shops must not wait for
     * each socket in turn, nor let one slow client hold up the rest. A failed send is only logged; the
     * notification stays stored for reading over REST.
     */
    private static void send(Session session, String json) {
        if (session.isOpen()) {
            WithoutThreadContextProviders.run(() -> session.getAsyncRemote().sendText(json, result -> {
                if (!result.isOK()) {
                    LOG.fine(() -> "event=live-send-failed session=" + session.getId() + " error=" + result.getException());
                }
            }));
        }
    }

    @OnClose
    public void close(Session session) {
        unsubscribe(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        unsubscribe(session);
    }

    private void unsubscribe(Session session) {
        if (session.getUserProperties().remove(SUBSCRIPTION) instanceof Subscription s) {
            channel.unsubscribe(s.recipient(), s.subscriber());
        }
    }
}
