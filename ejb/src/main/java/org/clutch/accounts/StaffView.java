package org.clutch.accounts;

import org.clutch.platform.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person of the tenant, as its admins see them. */
public record StaffView(UUID id, String email, String displayName, Role role, UUID shopId, UserAccount.Status status,
        OffsetDateTime createdAt) {

    static StaffView of(UserAccount a) {
        return new StaffView(a.id(), a.email(), a.displayName(), a.role(), a.shopId(), a.status(), a.createdAt());
    }
}
