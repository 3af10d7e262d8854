package org.clutch.shop.staff;

import java.util.UUID;

import org.clutch.shop.common.RuleException;

/** A person logged in at the till. */
public record Staff(UUID id, String username, String displayName, Role role) {

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    /** Refuses, in words, what only a manager may do. */
    public void requireManager(String what) {
        if (!isManager()) {
            throw new RuleException("Only a shop manager can " + what + ".");
        }
    }
}
