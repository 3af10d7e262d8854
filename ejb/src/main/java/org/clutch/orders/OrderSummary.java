package org.clutch.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of an order list. */
public record OrderSummary(UUID id, String number, OrderStatus status, UUID shopId, String vehicle, String currency,
        BigDecimal total, BigDecimal balanceDue, PaymentMethod paymentMethod, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static OrderSummary of(Order o) {
        return new OrderSummary(o.id(), o.reference(), o.status(), o.shopId(), o.vehicle(), o.currency(), o.totalMoney().amount(),
                o.balanceDue().amount(), o.paymentMethod(), o.createdAt(), o.updatedAt());
    }
}
