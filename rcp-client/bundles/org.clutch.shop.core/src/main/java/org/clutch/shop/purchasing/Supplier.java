package org.clutch.shop.purchasing;

import java.util.UUID;

import org.clutch.shop.common.ContactDetails;
import org.clutch.shop.common.RuleException;

/** A business the shop buys parts from; {@code id} is null for one not yet saved. */
public record Supplier(UUID id, String name, String contact, String phone, String email, int leadTimeDays,
        boolean active) {

    public Supplier {
        if (name == null || name.isBlank()) {
            throw new RuleException("A supplier needs a name.");
        }
        if (leadTimeDays < 0) {
            throw new RuleException("A lead time is 0 days or more.");
        }
        ContactDetails.requireValidEmail(email);
        name = name.trim();
    }

    public Supplier withId(UUID newId) {
        return new Supplier(newId, name, contact, phone, email, leadTimeDays, active);
    }
}
