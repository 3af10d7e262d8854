package org.clutch.shop.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.staff.Staff;

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

    /** @throws RuleException when the lines are none or list a part twice */
    static void checkLines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new RuleException("A purchase order needs at least one line.");
        }
        if (lines.stream().map(OrderLine::partId).distinct().count() < lines.size()) {
            throw new RuleException("A part is on the order twice; change its quantity instead.");
        }
    }

    /** Once approved, an order's lines are what the manager agreed to. */
    void checkLinesChangeable() {
        if (status != Status.DRAFT) {
            throw new RuleException("Purchase order " + number + " is " + status.label().toLowerCase()
                    + "; only a draft can be changed.");
        }
    }

    /** A draft can be dropped by whoever made it; an approved or sent order is a commitment: a manager and a reason. */
    void checkCancel(Staff by, String reason) {
        requireMove(Status.CANCELLED);
        if (status != Status.DRAFT) {
            by.requireManager("cancel an approved purchase order");
            if (reason == null || reason.isBlank()) {
                throw new RuleException("Say why the order is cancelled.");
            }
        }
    }

    /**
     * The lines a delivery of {@code arrived} (line number to units) books, each with its units, in the order given.
     * @throws RuleException for a line the order does not have or more units than are still expected
     */
    Map<Line, Integer> checkDelivery(Map<Integer, Integer> arrived) {
        requireMove(Status.RECEIVED);
        Map<Line, Integer> delivery = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> entry : arrived.entrySet()) {
            Line line = lines.stream().filter(l -> l.lineNo() == entry.getKey()).findFirst()
                    .orElseThrow(() -> new RuleException("Purchase order " + number + " has no line " + entry.getKey() + "."));
            int quantity = entry.getValue();
            if (quantity < 0 || quantity > line.outstanding()) {
                throw new RuleException("Of " + line.partNumber() + " " + line.outstanding()
                        + " are still expected; " + quantity + " cannot be received.");
            }
            delivery.put(line, quantity);
        }
        return delivery;
    }

    /** The status after a delivery: received once nothing is outstanding. */
    Status statusAfterDelivery() {
        return outstandingUnits() == 0 ? Status.RECEIVED : Status.PARTIALLY_RECEIVED;
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
