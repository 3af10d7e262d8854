package org.clutch.marketplace;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What became of a shop's quote, as the shop desktop reads it on its inbox
 * ({@link org.clutch.jms.ShopInboxTypes#QUOTE_OUTCOME}). {@code submissionId} is the desktop event the outcome
 * answers (null when the change came from elsewhere: the customer, the expiry timer, the REST API).
 */
public record QuoteOutcome(UUID requestId, UUID quoteId, String status, String detail, UUID submissionId, BigDecimal total,
        String currency, int revision, OffsetDateTime at) {

    /** Not a state of a quote: the marketplace would not take the desktop's quote at all. */
    public static final String REFUSED = "REFUSED";

    static QuoteOutcome of(Quote quote, PartsRequest request, String detail, UUID submissionId, OffsetDateTime at) {
        return new QuoteOutcome(request.id(), quote.id(), quote.status().name(), detail, submissionId, quote.total(request),
                quote.currency(), quote.revision(), at);
    }

    static QuoteOutcome refused(UUID requestId, String reason, UUID submissionId, OffsetDateTime at) {
        return new QuoteOutcome(requestId, null, REFUSED, reason, submissionId, null, null, 0, at);
    }
}
