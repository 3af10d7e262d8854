package org.clutch.tenancy;

import org.clutch.platform.Role;

import java.util.EnumSet;
import java.util.Set;

/** A business that runs parts shops, or a B2B partner (fleet, insurer, supplier) that integrates system to system. */
public enum TenantKind {
    SHOP_BUSINESS, PARTNER;

    /** The roles a tenant admin may give people of a tenant of this kind. */
    public Set<Role> staffRoles() {
        return this == SHOP_BUSINESS
                ? EnumSet.of(Role.SHOP_STAFF, Role.SHOP_MANAGER, Role.TENANT_ADMIN)
                : EnumSet.of(Role.PARTNER, Role.TENANT_ADMIN);
    }
}
