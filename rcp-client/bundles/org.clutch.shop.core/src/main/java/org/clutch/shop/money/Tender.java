package org.clutch.shop.money;

import java.util.List;

import org.clutch.shop.common.RuleException;

/** One way the customer paid (or, on a return, was paid back). */
public record Tender(Kind kind, long amountMinor, String reference) {

    /** ACCOUNT puts the amount on the customer's charge account, to be paid later. */
    public enum Kind { CASH, CARD, ACCOUNT }

    public Tender {
        if (kind == null) {
            throw new RuleException("Choose cash, card or account.");
        }
        if (amountMinor <= 0) {
            throw new RuleException("A payment is more than zero.");
        }
    }

    /** What {@code tenders} of one kind come to. */
    public static long sum(List<Tender> tenders, Kind kind) {
        return tenders.stream().filter(t -> t.kind() == kind).mapToLong(Tender::amountMinor).sum();
    }

    public static Tender cash(long amountMinor) {
        return new Tender(Kind.CASH, amountMinor, null);
    }

    public static Tender card(long amountMinor, String reference) {
        return new Tender(Kind.CARD, amountMinor, reference);
    }

    public static Tender account(long amountMinor) {
        return new Tender(Kind.ACCOUNT, amountMinor, null);
    }
}
