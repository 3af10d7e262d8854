package org.clutch.notifications;

/** What happened. The names are part of the API (WebSocket messages and REST). */
public enum NotificationType {
    /** To a shop: a new parts request it may quote. */
    REQUEST_DISPATCHED,
    /** To a customer: a shop quoted (or revised its quote). */
    QUOTE_RECEIVED,
    /** To a customer: a shop withdrew its quote. */
    QUOTE_WITHDRAWN,
    /** To a shop: the customer accepted its quote. */
    QUOTE_ACCEPTED,
    /** To a shop: the customer accepted another shop's quote. */
    REQUEST_AWARDED_ELSEWHERE,
    /** To the dispatched shops: the customer cancelled the request. */
    REQUEST_CANCELLED,
    /** To the customer and the dispatched shops: the request ran out of time. */
    REQUEST_EXPIRED,
    /** To the other party of an order: a step of the order was taken (paid, shipped, cancelled...). */
    ORDER_UPDATED
}
