package org.clutch.platform;

import java.util.EnumSet;
import java.util.Set;

/** What an account may do. Each account has one role; a manager also does everything staff do. */
public enum Role {
    CUSTOMER,
    SHOP_STAFF,
    SHOP_MANAGER,
    TENANT_ADMIN,
    PARTNER,
    PLATFORM_ADMIN;

    /** The roles an account with this role holds: the JWT groups it is issued. */
    public Set<Role> granted() {
        return this == SHOP_MANAGER ? EnumSet.of(SHOP_MANAGER, SHOP_STAFF) : EnumSet.of(this);
    }

    /** Roles bound to one shop of a tenant. */
    public boolean isShopRole() {
        return this == SHOP_STAFF || this == SHOP_MANAGER;
    }
}
