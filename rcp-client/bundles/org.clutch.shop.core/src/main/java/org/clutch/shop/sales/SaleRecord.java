package org.clutch.shop.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clutch.shop.money.Tender;

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
