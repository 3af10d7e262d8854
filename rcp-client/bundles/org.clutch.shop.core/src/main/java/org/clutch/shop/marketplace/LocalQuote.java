package org.clutch.shop.marketplace;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where this shop's quote on a request stands. {@code draft} is the quote as last written on this desktop (null when
 * it was written elsewhere, over the web); {@code total} and {@code currency} are the marketplace's figures once it
 * took the quote.
 */
public record LocalQuote(Status status, String detail, QuoteDraft draft, BigDecimal total, String currency, Instant updatedAt) {

    public enum Status {
        /** Written here; goes out with the next sync (at once while online). */
        WAITING,
        /** The marketplace took it and showed it to the customer. */
        SUBMITTED,
        /** The marketplace would not take it (the request expired or closed meanwhile): {@code detail} says why. */
        REFUSED,
        WITHDRAWN,
        /** The customer chose it: an order follows. */
        ACCEPTED,
        /** Another quote won, or the request closed without a choice. */
        DECLINED;

        /** Whether the shop may still write a new version. */
        public boolean revisable() {
            return this != ACCEPTED && this != DECLINED;
        }
    }
}
