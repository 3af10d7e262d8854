package org.clutch.orders;

import jakarta.enterprise.context.ApplicationScoped;
import org.clutch.platform.Money;

/** The customer pays the courier; the order may be prepared before the money is in. */
@ApplicationScoped
public class CashOnDelivery implements PaymentProvider {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CASH_ON_DELIVERY;
    }

    @Override
    public PaymentStart start(String orderReference, Money amount, CardDetails card) {
        return new PaymentStart.Pending("Pay " + amount + " in cash to the courier on delivery.");
    }

    @Override
    public RefundOutcome refund(String orderReference, Money amount, String paymentReference) {
        return new RefundOutcome(null, "the shop pays it back to the customer in cash.");
    }
}
