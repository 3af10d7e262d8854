package org.clutch.shop.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An order of this shop from the marketplace, as last heard on the inbox, with the stock set aside for each line
 * ({@code reserved} units of the part, 0 when the part is not in this shop's catalog or the order no longer holds it),
 * the step the shop took on it here that the marketplace has not confirmed yet ({@code requestedStep}, null when none)
 * and why the marketplace refused the last one ({@code stepRefusal}, null when it did not).
 */
public record MarketplaceOrder(UUID orderId, String number, String status, String vehicle, String deliveryAddress,
        String currency, BigDecimal total, List<Line> lines, Instant updatedAt, Step requestedStep, String stepRefusal) {

    /** The steps the shop takes on an order, each after the one before (the marketplace holds the rule). */
    public enum Step {
        PROCESSING("Start preparing", "preparing"),
        READY("Mark ready for dispatch", "ready for dispatch"),
        SHIPPED("Ship…", "shipping"),
        DELIVERED("Confirm delivered", "delivered");

        private final String action;
        private final String doing;

        Step(String action, String doing) {
            this.action = action;
            this.doing = doing;
        }

        /** What the button says: "Start preparing". */
        public String action() {
            return action;
        }

        /** As a status says it: "shipping". */
        public String doing() {
            return doing;
        }
    }

    /** The shop's next step on the order as it stands, if it has one (none once delivered, cancelled or refunded). */
    public Optional<Step> nextStep() {
        return switch (status) {
            case "AWAITING_PAYMENT", "PAID" -> Optional.of(Step.PROCESSING);
            case "PROCESSING" -> Optional.of(Step.READY);
            case "READY" -> Optional.of(Step.SHIPPED);
            case "SHIPPED" -> Optional.of(Step.DELIVERED);
            default -> Optional.empty();
        };
    }

    /** The status as the shop reads it, with a step waiting to be confirmed: "ready (shipping, waiting to sync)". */
    public String statusText() {
        String text = status.toLowerCase(Locale.ROOT).replace('_', ' ');
        return requestedStep == null ? text : text + " (" + requestedStep.doing() + ", waiting to sync)";
    }

    public record Line(int lineNo, String name, String partNumber, int quantity, int reserved) {
    }
}
