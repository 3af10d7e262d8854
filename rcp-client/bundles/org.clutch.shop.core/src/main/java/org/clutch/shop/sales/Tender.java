package org.clutch.shop.sales;

import org.clutch.shop.RuleException;

/** One way the customer paid (or, on a return, was paid back). */
public record Tender(Kind kind, long amountMinor, String reference) {

    public enum Kind { CASH, CARD }

    public Tender {
        if (kind == null) {
            throw new RuleException("Choose cash or card.");
        }
        if (amountMinor <= 0) {
            throw new RuleException("A payment is more than zero.");
        }
    }

    public static Tender cash(long amountMinor) {
        return new Tender(Kind.CASH, amountMinor, null);
    }

    public static Tender card(long amountMinor, String reference) {
        return new Tender(Kind.CARD, amountMinor, reference);
    }
}
