package org.clutch.orders;

import jakarta.ejb.ApplicationException;

/**
 * The payment provider refused the payment. Answered as 402, but the transaction commits so that the attempt stays
 * in the order's timeline; the order itself is unchanged and may be paid again.
 */
@ApplicationException(rollback = false)
public class PaymentDeclinedException extends RuntimeException {

    public PaymentDeclinedException(String reason) {
        super(reason);
    }
}
