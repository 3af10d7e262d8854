package org.clutch.shop.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clutch.shop.common.RuleException;

/**
 * A purchase order as stored, with what has been received of each line and, for a supplier on the marketplace, what it
 * last said of the order ({@code supplierAnswer}, null until it answers).
 */
public record PurchaseOrder(UUID id, String number, UUID supplierId, String supplierName, Status status,
        LocalDate expectedOn, String note, String createdBy, Instant createdAt, String approvedBy,
        String cancelReason, SupplierAnswer supplierAnswer, List<Line> lines) {

    public PurchaseOrder {
        lines = List.copyOf(lines);
    }

    /**
     * The life of an order: drafted, approved by a manager, sent to the supplier, received in one or more
     * deliveries; cancelled while nothing has been received.
     */
    public enum Status {
        DRAFT, APPROVED, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

        public boolean canMoveTo(Status next) {
            return switch (this) {
                case DRAFT -> next == APPROVED || next == CANCELLED;
                case APPROVED -> next == SENT || next == CANCELLED;
                case SENT -> Set.of(PARTIALLY_RECEIVED, RECEIVED, CANCELLED).contains(next);
                case PARTIALLY_RECEIVED -> next == PARTIALLY_RECEIVED || next == RECEIVED;
                case RECEIVED, CANCELLED -> false;
            };
        }

        public boolean isOpenForReceiving() {
            return this == SENT || this == PARTIALLY_RECEIVED;
        }

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase().replace('_', ' ');
        }
    }

    public record Line(int lineNo, UUID partId, String partNumber, String partName, String supplierPartNumber,
            int quantityOrdered, int quantityReceived, long unitCostMinor) {

        public int outstanding() {
            return quantityOrdered - quantityReceived;
        }

        public long amountMinor() {
            return unitCostMinor * quantityOrdered;
        }
    }

    public long totalMinor() {
        return lines.stream().mapToLong(Line::amountMinor).sum();
    }

    public int outstandingUnits() {
        return lines.stream().mapToInt(Line::outstanding).sum();
    }

    /** Refuses a move the order's status does not allow, in words for the person at the screen. */
    public void requireMove(Status next) {
        if (!status.canMoveTo(next)) {
            throw new RuleException("Purchase order " + number + " is " + status.label().toLowerCase()
                    + "; it cannot be " + switch (next) {
                        case APPROVED -> "approved";
                        case SENT -> "sent";
                        case PARTIALLY_RECEIVED, RECEIVED -> "received";
                        case CANCELLED -> "cancelled";
                        case DRAFT -> "changed";
                    } + ".");
        }
    }
}
