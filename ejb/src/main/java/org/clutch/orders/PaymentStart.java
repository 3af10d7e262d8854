package org.clutch.orders;

/** What a payment provider answers when a customer pays. */
public sealed interface PaymentStart {

    /** The money is taken: the provider's reference for it, and how to describe it in the timeline. */
    record Captured(String reference, String description) implements PaymentStart {
    }

    /** The money will come later, outside the platform; what the customer has to do. */
    record Pending(String instructions) implements PaymentStart {
    }

    /** The provider refused; why, in words the customer understands. */
    record Declined(String reason) implements PaymentStart {
    }
}
