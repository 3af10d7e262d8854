package org.clutch.notifications;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Stores notifications, pushes them live after commit, lists them and marks them read. */
@Stateless
public class NotificationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<LiveChannel.NotificationStored> stored;

    @Inject
    Clock clock;

    public void send(Recipient recipient, NotificationType type, UUID requestId, UUID quoteId, String message) {
        send(recipient, type, requestId, quoteId, null, message);
    }

    /** A notification that also points at an order. */
    public void send(Recipient recipient, NotificationType type, UUID requestId, UUID quoteId, UUID orderId, String message) {
        Notification notification = new Notification(recipient, type, requestId, quoteId, orderId, message, OffsetDateTime.now(clock));
        em.persist(notification);
        stored.fire(new LiveChannel.NotificationStored(recipient, notification.view()));
    }

    public Page<NotificationView> list(Recipient recipient, boolean unreadOnly, int page, int size) {
        String where = "n.recipientKind = :kind and n.recipientId = :id" + (unreadOnly ? " and n.readAt is null" : "");
        List<NotificationView> items = em.createQuery("select n from Notification n where " + where + " order by n.createdAt desc",
                        Notification.class)
                .setParameter("kind", recipient.kind())
                .setParameter("id", recipient.id())
                .setFirstResult(Page.firstResult(page, size))
                .setMaxResults(Page.clampSize(size))
                .getResultStream()
                .map(Notification::view)
                .toList();
        long total = em.createQuery("select count(n) from Notification n where " + where, Long.class)
                .setParameter("kind", recipient.kind())
                .setParameter("id", recipient.id())
                .getSingleResult();
        return new Page<>(items, Math.max(page, 0), Page.clampSize(size), total);
    }

    public NotificationView markRead(Recipient recipient, UUID notificationId) {
        Notification notification = em.find(Notification.class, notificationId);
        if (notification == null || !notification.recipient().equals(recipient)) {
            throw new NotFoundException("notification " + notificationId);
        }
        notification.markRead(OffsetDateTime.now(clock));
        return notification.view();
    }
}
