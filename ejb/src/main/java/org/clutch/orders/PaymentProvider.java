package org.clutch.orders;

import org.clutch.platform.Money;

/**
 * A way to pay. The built-in ones are cash on delivery, bank transfer and, for development and tests, a card-gateway
 * simulator; a real card gateway would be another implementation of this interface.
 */
public interface PaymentProvider {

    PaymentMethod method();

    /** Takes or arranges the payment of {@code amount} for the order quoted as {@code orderReference}. */
    PaymentStart start(String orderReference, Money amount, CardDetails card);

    /** Gives back {@code amount} of what was paid; {@code paymentReference} is the provider's reference of the payment. */
    RefundOutcome refund(String orderReference, Money amount, String paymentReference);
}
