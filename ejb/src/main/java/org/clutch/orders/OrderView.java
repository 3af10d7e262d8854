package org.clutch.orders;

import org.clutch.platform.Role;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as its customer and its shop see it: lines, money, payments and the whole timeline. */
public record OrderView(UUID id, String number, OrderStatus status, UUID requestId, UUID quoteId, UUID shopId, String shopName,
        String currency, BigDecimal itemsTotal, BigDecimal freight, BigDecimal total, BigDecimal amountPaid,
        BigDecimal amountRefunded, BigDecimal balanceDue, PaymentMethod paymentMethod, String vehicle, String deliveryAddress,
        String deliveryInstructions, String carrier, String trackingNumber, String cancelReason, Role cancelledBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deliveredAt, long version, List<Line> lines,
        List<Payment> payments, List<Step> timeline) {

    public record Line(UUID id, int lineNo, String name, String partNumber, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal, int refundedQuantity) {
    }

    public record Payment(UUID id, PaymentEntry.Kind kind, PaymentMethod method, BigDecimal amount, String currency,
            String providerReference, String note, Role recordedBy, OffsetDateTime at) {
    }

    public record Step(int seq, OrderEvent.Kind kind, OrderStatus status, Role by, String detail, OffsetDateTime at) {
    }

    static OrderView of(Order o, String shopName) {
        return new OrderView(o.id(), o.reference(), o.status(), o.requestId(), o.quoteId(), o.shopId(), shopName, o.currency(),
                o.itemsTotal().amount(), o.freight().amount(), o.totalMoney().amount(), o.amountPaid().amount(),
                o.amountRefunded().amount(), o.balanceDue().amount(), o.paymentMethod(), o.vehicle(), o.deliveryAddress(),
                o.deliveryInstructions(), o.carrier(), o.trackingNumber(), o.cancelReason(), o.cancelledByRole(), o.createdAt(),
                o.updatedAt(), o.deliveredAt(), o.version(),
                o.lines().stream().map(l -> new Line(l.id(), l.lineNo(), l.name(), l.partNumber(), l.quantity(), l.unitPrice(),
                        l.total(o.currencyUnit()).amount(), l.refundedQuantity())).toList(),
                o.payments().stream().map(p -> new Payment(p.id(), p.kind(), p.method(), p.amount().amount(), p.amount().currencyCode(),
                        p.providerReference(), p.note(), p.recordedByRole(), p.at())).toList(),
                o.timeline().stream().map(e -> new Step(e.seq(), e.kind(), e.status(), e.actorRole(), e.detail(), e.at())).toList());
    }
}
