package org.clutch.orders;

import jakarta.enterprise.context.ApplicationScoped;
import org.clutch.platform.Money;

import java.util.UUID;

/**
 * A stand-in for a card gateway, for development and tests only: no money moves. It approves every valid card except
 * the well-known test numbers below, which it declines. Off unless {@code clutch.payments.card-simulator.enabled}
 * is true; its references start with {@code SIM-} and the timeline says "simulated", so nobody mistakes its
 * payments for real ones.
 */
@ApplicationScoped
public class CardGatewaySimulator implements PaymentProvider {

    /** Declined by the card's bank. */
    public static final String DECLINED_CARD = "4000000000000002";
    /** Declined for insufficient funds. */
    public static final String INSUFFICIENT_FUNDS_CARD = "4000000000009995";

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CARD;
    }

    @Override
    public PaymentStart start(String orderReference, Money amount, CardDetails card) {
        return switch (card.digits()) {
            case DECLINED_CARD -> new PaymentStart.Declined("the card was declined by its bank (simulated)");
            case INSUFFICIENT_FUNDS_CARD -> new PaymentStart.Declined("insufficient funds on the card (simulated)");
            default -> new PaymentStart.Captured("SIM-" + UUID.randomUUID(),
                    "charged to the " + card + " through the card-gateway simulator (no real money)");
        };
    }

    @Override
    public RefundOutcome refund(String orderReference, Money amount, String paymentReference) {
        return new RefundOutcome("SIM-REFUND-" + UUID.randomUUID(),
                "returned to the card of payment " + paymentReference + " through the card-gateway simulator (no real money)");
    }
}
