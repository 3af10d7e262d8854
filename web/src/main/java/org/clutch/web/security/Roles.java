package org.clutch.web.security;

/** Role names as they appear in the JWT groups claim. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SHOP_STAFF = "SHOP_STAFF";

    private Roles() {
    }
}
