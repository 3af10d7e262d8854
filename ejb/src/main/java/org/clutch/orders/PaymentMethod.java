package org.clutch.orders;

/** How a customer pays for an order. The names are part of the API. */
public enum PaymentMethod {
    /** Charged through the card gateway at once (in development and tests, the simulator). */
    CARD("card"),
    /** The customer transfers the money; the shop or a platform admin confirms its receipt. */
    BANK_TRANSFER("bank transfer"),
    /** The customer pays the courier; confirming delivery records the cash. */
    CASH_ON_DELIVERY("cash on delivery");

    private final String words;

    PaymentMethod(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
