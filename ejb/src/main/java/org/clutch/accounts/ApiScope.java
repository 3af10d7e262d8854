package org.clutch.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner's API key may be used for. The names follow the OAuth convention ({@code resource:action}), go into
 * the access token's {@code scope} claim and are checked on every REST operation a key may call.
 */
public enum ApiScope {
    PARTS_REQUESTS_WRITE("parts-requests:write", "Submit, cancel and accept on the partner's own parts requests (buyers)"),
    PARTS_REQUESTS_READ("parts-requests:read", "Read the partner's own parts requests and their quotes (buyers)"),
    ORDERS_READ("orders:read", "Read the partner's own orders (buyers)"),
    ORDERS_WRITE("orders:write", "Pay the partner's own orders and confirm their delivery (buyers)"),
    CATALOG_WRITE("catalog:write", "Send catalog feed batches to the central catalog (suppliers)"),
    PURCHASE_ORDERS_READ("purchase-orders:read", "Read the purchase orders shops placed with the partner (suppliers)");

    private final String value;
    private final String description;

    ApiScope(String value, String description) {
        this.value = value;
        this.description = description;
    }

    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
