package org.clutch.orders;

import org.clutch.platform.Actor;
import org.clutch.platform.Role;

import java.util.UUID;

/** Who took a step on an order, as the timeline records it: the role and the account (none for the system). */
public record OrderParty(Role role, UUID accountId) {

    public static OrderParty of(Actor actor) {
        return new OrderParty(actor.role(), actor.userId());
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    public boolean isShop() {
        return role.isShopRole() || role == Role.TENANT_ADMIN;
    }

    /** How the timeline names the party: "the customer", "the shop", "a platform admin". */
    public String words() {
        if (isCustomer()) {
            return "the customer";
        }
        return isShop() ? "the shop" : "a platform admin";
    }
}
