package org.clutch.shop.sales;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;

/**
 * A return worked out before it is made: what comes back (the lines' prices, their discounts, tax and the refund)
 * and how the refund is paid out, with the reason a manager must approve it, if any.
 */
public record RefundPlan(long grossMinor, long discountMinor, long taxMinor, long refundMinor, List<Tender> tenders,
        Optional<String> approvalReason) {

    /** The tender kinds a refund goes back to, in the order it fills them when paid back as the sale was paid. */
    private static final List<Tender.Kind> AS_PAID_ORDER = List.of(Tender.Kind.CARD, Tender.Kind.ACCOUNT, Tender.Kind.CASH);

    static RefundPlan of(long grossMinor, long discountMinor, long taxMinor, long refundMinor, RefundMethod method,
            Map<Tender.Kind, Long> stillRefundable, String reference, Staff by, TillLimits limits, ShopCurrency money) {
        List<Tender> tenders = new ArrayList<>();
        if (method == RefundMethod.CASH) {
            tenders.add(new Tender(Tender.Kind.CASH, refundMinor, reference));
        } else {
            long left = refundMinor;
            for (Tender.Kind kind : AS_PAID_ORDER) {
                long part = Math.min(left, stillRefundable.getOrDefault(kind, 0L));
                if (part > 0) {
                    tenders.add(new Tender(kind, part, reference));
                    left -= part;
                }
            }
            if (left > 0) {
                // only when the sale's own tenders do not cover it (sales kept before tenders were recorded)
                tenders.add(new Tender(Tender.Kind.CASH, left, reference));
            }
        }
        long cash = Tender.sum(tenders, Tender.Kind.CASH);
        long cashTaken = stillRefundable.getOrDefault(Tender.Kind.CASH, 0L);
        Optional<String> reason = Optional.empty();
        if (!by.isManager()) {
            if (refundMinor > limits.clerkRefundLimitMinor()) {
                reason = Optional.of("A refund of " + money.format(refundMinor) + " is over the clerk's limit of "
                        + money.format(limits.clerkRefundLimitMinor()) + ".");
            } else if (cash > cashTaken) {
                reason = Optional.of("Refunding " + money.format(cash) + " in cash is more than the "
                        + money.format(cashTaken) + " the sale took in cash and has not yet refunded.");
            }
        }
        return new RefundPlan(grossMinor, discountMinor, taxMinor, refundMinor, List.copyOf(tenders), reason);
    }

    /** How much of each tender kind the sale can still pay back: what it took (cash net of change) less refunds so far. */
    static Map<Tender.Kind, Long> stillRefundable(SaleRecord sale, List<Tender> refundedSoFar) {
        Map<Tender.Kind, Long> left = new EnumMap<>(Tender.Kind.class);
        sale.tenders().forEach(t -> left.merge(t.kind(), t.amountMinor(), Long::sum));
        left.merge(Tender.Kind.CASH, -sale.changeMinor(), Long::sum);
        refundedSoFar.forEach(t -> left.merge(t.kind(), -t.amountMinor(), Long::sum));
        left.replaceAll((kind, amount) -> Math.max(0, amount));
        return left;
    }
}
