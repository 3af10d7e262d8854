package org.clutch.shop.sales;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;

/** A completed sale or return as stored, with what has been returned of each line so far. */
public record SaleRecord(UUID id, String number, Kind kind, Status status, String originalNumber, String staffName,
        UUID customerId, String customerName, Instant completedAt, long subtotalMinor, long discountMinor, long taxMinor,
        long totalMinor, long paidMinor, long changeMinor, List<Line> lines, List<Tender> tenders,
        String voidReason, String approvedByName) {

    public SaleRecord {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
    }

    /** The same sale with its lines and tenders, read after its header. */
    public SaleRecord withDetails(List<Line> newLines, List<Tender> newTenders) {
        return new SaleRecord(id, number, kind, status, originalNumber, staffName, customerId, customerName, completedAt,
                subtotalMinor, discountMinor, taxMinor, totalMinor, paidMinor, changeMinor, newLines, newTenders,
                voidReason, approvedByName);
    }

    /** @throws RuleException saying why this sale cannot be voided (the way back is then a return) */
    void checkVoidable(Clock clock) {
        if (kind != Kind.SALE || status != Status.COMPLETED) {
            throw new RuleException("Sale " + number + " is " + status.name().toLowerCase() + " and cannot be voided.");
        }
        if (lines.stream().anyMatch(l -> l.returnedQuantity() > 0)) {
            throw new RuleException("Goods were already returned against sale " + number + "; return the rest instead.");
        }
        if (!LocalDate.ofInstant(completedAt, clock.getZone()).equals(LocalDate.now(clock))) {
            throw new RuleException("Only today's sales can be voided; take the goods back as a return.");
        }
    }

    /**
     * Works out a return of {@code items} against this sale: each line's refund is its share of what was paid for it,
     * so discounts and tax come back in proportion, paid out as {@code method} says from what the sale can still pay
     * back after {@code refundedSoFar}.
     */
    RefundPlan planReturn(List<ReturnItem> items, RefundMethod method, List<Tender> refundedSoFar, Staff by,
            TillLimits limits, ShopCurrency money) {
        if (items == null || items.isEmpty()) {
            throw new RuleException("Choose what comes back.");
        }
        if (kind != Kind.SALE || status != Status.COMPLETED) {
            throw new RuleException("Nothing can be returned against " + number + ": it is "
                    + (kind == Kind.RETURN ? "a return" : status.name().toLowerCase()) + ".");
        }
        long gross = 0;
        long discount = 0;
        long refund = 0;
        long refundTax = 0;
        Map<Integer, Integer> seen = new HashMap<>();
        for (ReturnItem item : items) {
            Line line = line(item.lineNo());
            if (line == null) {
                throw new RuleException("Sale " + number + " has no line " + item.lineNo() + ".");
            }
            if (seen.merge(item.lineNo(), 1, Integer::sum) > 1) {
                throw new RuleException("Line " + item.lineNo() + " is listed twice.");
            }
            if (item.quantity() <= 0 || item.quantity() > line.returnableQuantity()) {
                throw new RuleException("Of " + line.partNumber() + " only " + line.returnableQuantity()
                        + " can still be returned.");
            }
            gross += line.unitPriceMinor() * item.quantity();
            discount += line.discountFor(item.quantity());
            refund += line.refundFor(item.quantity());
            refundTax += line.taxFor(item.quantity());
        }
        return RefundPlan.of(gross, discount, refundTax, refund, method == null ? RefundMethod.AS_PAID : method,
                RefundPlan.stillRefundable(this, refundedSoFar), "refund of " + number, by, limits, money);
    }

    /** The line with this number, or null. */
    Line line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
    }

    public enum Kind { SALE, RETURN }

    public enum Status { HELD, COMPLETED, VOIDED }

    public record Line(int lineNo, UUID partId, String partNumber, String description, String bin, int quantity,
            long unitPriceMinor, long unitCostMinor, long discountMinor, long taxMinor, long totalMinor,
            int returnedQuantity, Boolean restocked) {

        public int returnableQuantity() {
            return quantity - returnedQuantity;
        }

        /**
         * What {@code units} more returned units of this line are worth, tax included: the line's total shared
         * over its units so that returning every unit, in any number of returns, gives back exactly the total.
         */
        public long refundFor(int units) {
            return share(totalMinor, units);
        }

        public long taxFor(int units) {
            return share(taxMinor, units);
        }

        /** The part of the line's discount (its own and its share of the sale's) that goes with {@code units} more units. */
        public long discountFor(int units) {
            return share(discountMinor, units);
        }

        private long share(long amount, int units) {
            return amount * (returnedQuantity + units) / quantity - amount * returnedQuantity / quantity;
        }
    }
}
