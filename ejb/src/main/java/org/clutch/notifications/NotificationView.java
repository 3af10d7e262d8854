package org.clutch.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification as the API shows it, over REST and as a WebSocket message. */
public record NotificationView(UUID id, NotificationType type, UUID requestId, UUID quoteId, UUID orderId, String message,
        OffsetDateTime createdAt, OffsetDateTime readAt) {
}
