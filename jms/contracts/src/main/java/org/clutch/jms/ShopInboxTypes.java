package org.clutch.jms;

/** The types of what the backend puts on a shop's {@link Destinations#shopInbox inbox}, read by the shop desktop. */
public final class ShopInboxTypes {

    /**
     * A parts request dispatched to the shop, version 1; the payload is the request as the shop reads it over REST
     * ({@code GET /shop/requests/{id}}: the request without other shops' quotes, the distance, when dispatched).
     */
    public static final String QUOTE_REQUESTED = "marketplace.quote-requested";

    /**
     * What became of the shop's quote on a request, version 1, whichever way it was written (on the desktop, sent as
     * {@link #QUOTE_SUBMITTED}, or over REST). Payload: {@code requestId}, {@code quoteId} (null when refused),
     * {@code status} (SUBMITTED, REFUSED, WITHDRAWN, ACCEPTED, DECLINED), {@code detail} (why, in plain words),
     * {@code submissionId} (the desktop event it answers, or null), {@code total}, {@code currency},
     * {@code revision}, {@code at}.
     */
    public static final String QUOTE_OUTCOME = "marketplace.quote-outcome";

    /**
     * Not an inbox type but the desktop's own event (on the inbound queue) carrying a quote written on the desktop,
     * version 1. Payload: {@code requestId}, {@code currency}, {@code lines} (each {@code requestLineId},
     * {@code available}, {@code unitPrice} or null), {@code freight}, {@code etaHours}, {@code validUntil},
     * {@code notes}. The backend answers it with a {@link #QUOTE_OUTCOME}.
     */
    public static final String QUOTE_SUBMITTED = "marketplace.quote-submitted";

    /** The most lines a parts request has, and so a quote on it: the marketplace and the sync refuse more. */
    public static final int MAX_REQUEST_LINES = 50;

    /**
     * A supplier that is a partner on the platform acknowledged or shipped one of the shop's purchase orders, version
     * 1. Payload: {@code purchaseOrderId}, {@code number}, {@code status} (ACKNOWLEDGED or SHIPPED), {@code note},
     * {@code expectedShipDate}, {@code carrier}, {@code trackingNumber}, {@code at}; absent values are null.
     */
    public static final String SUPPLIER_UPDATE = "purchasing.supplier-update";

    /**
     * Head office changed one of the shop's parts, version 1. Payload: {@code partId}, {@code values} (the changed
     * {@link CatalogFields} and their new values), {@code stamps} (each changed field's {@link HybridClock} stamp),
     * {@code replaced} (the stamp each changed field had before: when it is not the one the desktop holds, the two
     * sides edited the field while apart), {@code by} (who), {@code at}.
     */
    public static final String PART_CHANGED = "catalog.part-changed";

    /**
     * Head office changed one of the shop's customers, version 1: as {@link #PART_CHANGED}, with {@code customerId}
     * instead of {@code partId} and the changed {@link CustomerFields#EDITABLE_CENTRALLY} in {@code values} (phone and
     * email may be null: cleared).
     */
    public static final String CUSTOMER_CHANGED = "customers.customer-changed";

    /**
     * An order of the shop was opened (the customer accepted its quote) or changed status, version 1; the payload is
     * the order as the shop reads it over REST ({@code GET /orders/{id}}: number, status, lines with part numbers and
     * quantities, delivery, totals, timeline). The desktop reserves the stock of an order to fulfil, releases it if the
     * order is cancelled and takes it out when the order ships.
     */
    public static final String ORDER_CHANGED = "orders.order-changed";

    /**
     * Not an inbox type but the desktop's own event (on the inbound queue): the shop moved one of its marketplace
     * orders on a step, version 1. Payload: {@code orderId}, {@code step} (PROCESSING, READY, SHIPPED or DELIVERED),
     * {@code carrier} and {@code trackingNumber} (for SHIPPED; the tracking number may be null), {@code staff}. The
     * backend takes the step as the shop's staff would over REST; the order as it is then comes back as
     * {@link #ORDER_CHANGED}, or {@link #ORDER_STEP_REFUSED} says why not.
     */
    public static final String ORDER_STEP = "orders.fulfilment-step";

    /**
     * A step the desktop asked for ({@link #ORDER_STEP}) was not taken, version 1: the order was cancelled meanwhile,
     * is not at that step, or is not the shop's. Payload: {@code orderId}, {@code step}, {@code reason} (in plain words),
     * {@code submissionId} (the desktop event it answers), {@code at}.
     */
    public static final String ORDER_STEP_REFUSED = "orders.step-refused";

    /**
     * The shop's marketplace settings as they are now, after any change (by its admins or the platform), version 1.
     * Payload: {@code shopId}, {@code name}, {@code status} (ACTIVE, SUSPENDED, ...), {@code statusReason},
     * {@code address}, {@code serviceRadiusKm}, {@code makes}, {@code pricingStrategy}, {@code pricingPercent},
     * {@code autoQuote}, {@code at}. Only the latest counts.
     */
    public static final String SHOP_SETTINGS = "shops.settings-changed";

    private ShopInboxTypes() {
    }
}
