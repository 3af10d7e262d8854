package org.clutch.partners;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/** The body of {@code order.pay} version 1: how a buyer partner pays for one of its orders (no cards over the broker). */
public record OrderPayment(@NotNull UUID orderId,
        @NotNull @Pattern(regexp = "BANK_TRANSFER|CASH_ON_DELIVERY", message = "must be BANK_TRANSFER or CASH_ON_DELIVERY") String method) {
}
