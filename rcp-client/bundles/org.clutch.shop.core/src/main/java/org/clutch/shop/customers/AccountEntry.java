package org.clutch.shop.customers;

import java.time.Instant;

/** One line of a customer's account statement; a positive amount raises what they owe. */
public record AccountEntry(Kind kind, long amountMinor, String reference, String staffName, Instant at,
        long balanceAfterMinor) {

    public enum Kind { CHARGE, PAYMENT, REFUND }
}
