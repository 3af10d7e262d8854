package org.clutch.orders;

import jakarta.enterprise.context.ApplicationScoped;
import org.clutch.platform.Money;

/** The customer transfers the money to the shop; the shop (or a platform admin) confirms what arrived. */
@ApplicationScoped
public class BankTransfer implements PaymentProvider {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.BANK_TRANSFER;
    }

    @Override
    public PaymentStart start(String orderReference, Money amount, CardDetails card) {
        return new PaymentStart.Pending("Transfer " + amount + " to the shop's bank account quoting " + orderReference
                + "; the shop confirms the payment when it arrives.");
    }

    @Override
    public RefundOutcome refund(String orderReference, Money amount, String paymentReference) {
        return new RefundOutcome(null, "the shop transfers it back to the customer's account, quoting " + orderReference + ".");
    }
}
