package org.clutch.marketplace;

import java.time.OffsetDateTime;

/** Test fixture for other capabilities: a parts request with one shop's quote, accepted. */
public final class AcceptedQuotes {

    public record Accepted(PartsRequest request, Quote quote) {
    }

    private AcceptedQuotes() {
    }

    /**
     * Brake pads x1 at 4,500.00 and oil filter x2 at 850.50, freight 300, in KES: a quote worth 6,501.00.
     * With {@code secondLineAvailable} false the oil filter is not offered (4,800.00).
     */
    public static Accepted accepted(OffsetDateTime now, boolean secondLineAvailable) {
        PartsRequest request = PartsRequestTest.submitted();
        QuoteSubmission offer = PartsRequestTest.quoteFor(request, now.plusHours(1));
        if (!secondLineAvailable) {
            offer = new QuoteSubmission(offer.currency(), java.util.List.of(offer.lines().get(0),
                    new QuoteSubmission.LineInput(offer.lines().get(1).requestLineId(), false, null)),
                    offer.freight(), offer.etaHours(), offer.validUntil(), offer.notes());
        }
        Quote quote = Quote.submit(request, PartsRequestTest.shop(), "KES", offer, now);
        request.accept(quote, now);
        return new Accepted(request, quote);
    }
}
