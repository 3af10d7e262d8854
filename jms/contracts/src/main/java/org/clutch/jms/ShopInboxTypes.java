package org.clutch.jms;

/** The types of what the backend puts on a shop's {@link Destinations#shopInbox inbox}, read by the shop desktop. */
public final class ShopInboxTypes {

    /**
     * A parts request dispatched to the shop, version 1; the payload is the request as the shop reads it over REST
     * ({@code GET /shop/requests/{id}}: the request without other shops' quotes, the distance, when dispatched).
     */
    public static final String QUOTE_REQUESTED = "marketplace.quote-requested";

    private ShopInboxTypes() {
    }
}
