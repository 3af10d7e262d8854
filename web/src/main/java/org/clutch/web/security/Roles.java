package org.clutch.web.security;

import org.clutch.platform.Role;

/**
 * Role names as they appear in the JWT groups claim, as compile-time constants for {@code @RolesAllowed}. They
 * are the names of {@link Role}; a unit test keeps the two in step.
 */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SHOP_STAFF = "SHOP_STAFF";
    public static final String SHOP_MANAGER = "SHOP_MANAGER";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String PARTNER = "PARTNER";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private Roles() {
    }
}
