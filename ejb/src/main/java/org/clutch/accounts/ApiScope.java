package org.clutch.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner's API key may be used for. The names follow the OAuth convention ({@code resource:action}) and go
 * into the access token's {@code scope} claim; the partner endpoints of the B2B issue check them.
 */
public enum ApiScope {
    PARTS_REQUESTS_WRITE("parts-requests:write"),
    PARTS_REQUESTS_READ("parts-requests:read"),
    ORDERS_READ("orders:read"),
    CATALOG_WRITE("catalog:write"),
    PURCHASE_ORDERS_READ("purchase-orders:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
