package org.clutch.accounts;

import org.clutch.platform.Actor;
import org.clutch.platform.Role;

import java.util.UUID;
import java.util.function.Function;

/**
 * The private claims of a Clutch access token, binding its holder to a role, a session and (by role) a tenant, a
 * shop or a customer. {@link #actor} is the one place that reads them back.
 */
public final class Claims {

    public static final String ROLE = "role";
    public static final String SESSION_ID = "sid";
    public static final String TENANT_ID = "tenant_id";
    public static final String SHOP_ID = "shop_id";
    public static final String CUSTOMER_ID = "customer_id";
    /** The OAuth scopes of a partner system's API key; only keys' tokens carry it. */
    public static final String SCOPE = "scope";

    private Claims() {
    }

    /** The actor a verified token stands for, reading each claim through {@code claim} (null when absent). */
    public static Actor actor(String subject, Function<String, String> claim) {
        return new Actor(UUID.fromString(subject), Role.valueOf(claim.apply(ROLE)), uuid(claim.apply(TENANT_ID)),
                uuid(claim.apply(SHOP_ID)), uuid(claim.apply(CUSTOMER_ID)), uuid(claim.apply(SESSION_ID)));
    }

    private static UUID uuid(String value) {
        return value == null || value.isEmpty() ? null : UUID.fromString(value);
    }
}
