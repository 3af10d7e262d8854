package org.clutch.accounts;

import org.clutch.platform.Role;

import java.util.UUID;

/** The caller's own account. */
public record AccountView(UUID id, String email, String displayName, Role role, UUID tenantId, UUID shopId, UUID customerId,
        boolean mfaEnabled) {

    static AccountView of(UserAccount a) {
        return new AccountView(a.id(), a.email(), a.displayName(), a.role(), a.tenantId(), a.shopId(), a.customerId(), a.mfaEnabled());
    }
}
