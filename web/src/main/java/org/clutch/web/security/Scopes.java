package org.clutch.web.security;

import org.clutch.accounts.ApiScope;

/**
 * The OpenAPI security schemes and the API-key scopes as compile-time constants, for the {@code @SecurityRequirement}
 * annotations that both document an operation's scope and, read by {@link ScopeCheck}, enforce it. The scopes are the
 * values of {@link ApiScope}; a unit test keeps the two in step.
 */
public final class Scopes {

    /** People's access tokens (and keys' tokens, which the key scheme further binds). */
    public static final String BEARER_SCHEME = "bearer";
    /** Partner systems' API keys, exchanged for a token bound to the key's scopes. */
    public static final String KEY_SCHEME = "partnerKey";

    public static final String PARTS_REQUESTS_WRITE = "parts-requests:write";
    public static final String PARTS_REQUESTS_READ = "parts-requests:read";
    public static final String ORDERS_READ = "orders:read";
    public static final String ORDERS_WRITE = "orders:write";
    public static final String CATALOG_WRITE = "catalog:write";
    public static final String PURCHASE_ORDERS_READ = "purchase-orders:read";

    private Scopes() {
    }
}
