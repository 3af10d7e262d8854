package org.clutch.notifications;

import org.clutch.platform.Actor;

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

    /** The inbox an actor reads: its shop's for shop staff and managers, its own for a customer. */
    public static Recipient of(Actor actor) {
        if (actor.role().isShopRole()) {
            return shop(actor.shopId());
        }
        return customer(actor.customer());
    }
}
