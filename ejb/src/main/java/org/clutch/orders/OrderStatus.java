package org.clutch.orders;

/** Where an order stands. The names are part of the API. */
public enum OrderStatus {
    AWAITING_PAYMENT("awaiting payment"),
    PAID("paid"),
    PROCESSING("being prepared"),
    READY("ready for dispatch"),
    SHIPPED("shipped"),
    DELIVERED("delivered"),
    CANCELLED("cancelled"),
    RETURNED("returned"),
    REFUNDED("refunded");

    private final String words;

    OrderStatus(String words) {
        this.words = words;
    }

    /** The status as a sentence says it: "This order is already shipped." */
    public String words() {
        return words;
    }

    /** Until it ships an order may still be cancelled. */
    public boolean isCancellable() {
        return this == AWAITING_PAYMENT || this == PAID || this == PROCESSING || this == READY;
    }

    /** Closed orders take no further step. */
    public boolean isClosed() {
        return this == CANCELLED || this == RETURNED || this == REFUNDED;
    }
}
