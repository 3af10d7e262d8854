package org.clutch.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.platform.NullableUuid;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored notification, readable later over REST, pushed at once to the recipient's open WebSocket sessions. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    private RecipientKind recipientKind;

    @Column(name = "recipient_id", nullable = false)
    private UUID recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationType type;

    @Column(name = "request_id")
    @Convert(converter = NullableUuid.class)
    private UUID requestId;

    @Column(name = "quote_id")
    @Convert(converter = NullableUuid.class)
    private UUID quoteId;

    @Column(name = "order_id")
    @Convert(converter = NullableUuid.class)
    private UUID orderId;

    @Column(nullable = false)
    private String message;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
    }

    Notification(Recipient recipient, NotificationType type, UUID requestId, UUID quoteId, UUID orderId, String message,
            OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.recipientKind = recipient.kind();
        this.recipientId = recipient.id();
        this.type = type;
        this.requestId = requestId;
        this.quoteId = quoteId;
        this.orderId = orderId;
        this.message = message;
        this.createdAt = now;
    }

    /** Marks it read; reading twice keeps the first time. */
    void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Recipient recipient() {
        return new Recipient(recipientKind, recipientId);
    }

    public NotificationView view() {
        return new NotificationView(id, type, requestId, quoteId, orderId, message, createdAt, readAt);
    }
}
