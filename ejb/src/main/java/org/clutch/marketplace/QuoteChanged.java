package org.clutch.marketplace;

import java.util.UUID;

/**
 * A quote on a customer's request changed (taken, revised, withdrawn, accepted, declined), fired in the transaction
 * of the change: whoever speaks for that customer elsewhere (a partner's system) hears of it as the customer would.
 */
public record QuoteChanged(UUID customerId, QuoteView quote) {
}
