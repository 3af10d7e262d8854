package org.clutch.shop.sales;

import java.util.List;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Tender;

/**
 * How the tenders meet the total. Cards and the customer's account are charged the exact amount (no cash back),
 * so change only ever comes out of cash; a sale closes when nothing is left due.
 */
public record Settlement(long totalMinor, long paidMinor, long dueMinor, long changeMinor) {

    public static Settlement of(long totalMinor, List<Tender> tenders) {
        long cash = Tender.sum(tenders, Tender.Kind.CASH);
        long nonCash = tenders.stream().mapToLong(Tender::amountMinor).sum() - cash;
        if (nonCash > totalMinor) {
            throw new RuleException("A card or account can be charged at most what is due; give change from cash only.");
        }
        long paid = nonCash + cash;
        return new Settlement(totalMinor, paid, Math.max(0, totalMinor - paid), Math.max(0, paid - totalMinor));
    }

    public boolean isSettled() {
        return dueMinor == 0;
    }
}
