package org.clutch.notifications;

import java.util.Objects;
import java.util.UUID;

/** The addressee of a notification: one customer, or one shop. */
public record Recipient(RecipientKind kind, UUID id) {

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Recipient customer(UUID customerId) {
        return new Recipient(RecipientKind.CUSTOMER, customerId);
    }

    public static Recipient shop(UUID shopId) {
        return new Recipient(RecipientKind.SHOP, shopId);
    }
}
