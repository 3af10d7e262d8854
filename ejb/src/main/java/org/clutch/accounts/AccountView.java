package org.clutch.accounts;

import org.clutch.platform.Role;

import java.util.UUID;

/** The caller's own account (or, for a partner system, its API key). */
public record AccountView(UUID id, String email, String displayName, Role role, UUID tenantId, UUID shopId, UUID customerId,
        boolean mfaEnabled) {

    static AccountView of(UserAccount a) {
        return new AccountView(a.id(), a.email(), a.displayName(), a.role(), a.tenantId(), a.shopId(), a.customerId(), a.mfaEnabled());
    }

    /** A partner system's token: the API key it came from stands in for the account. */
    static AccountView of(ApiKey k) {
        return new AccountView(k.id(), null, "API key " + k.name() + " (" + k.prefix() + "…)", Role.PARTNER, k.tenantId(), null, null, false);
    }
}
