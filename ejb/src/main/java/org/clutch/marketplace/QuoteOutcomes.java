package org.clutch.marketplace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.sync.ShopInbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Tells a shop's desktop, on its inbox and in the transaction of the change, each time its quote changes state:
 * taken, refused, withdrawn, accepted, declined. Outcomes do not expire: a desktop that was offline for a day still
 * learns that it won.
 */
@ApplicationScoped
class QuoteOutcomes {

    @Inject
    ShopInbox inbox;

    @Inject
    MarketplaceRepository repository;

    @Inject
    Event<QuoteChanged> changed;

    /** Tells the shop's desktop, and whoever else speaks for the customer ({@link QuoteChanged}). */
    void tell(Quote quote, PartsRequest request, String detail, UUID submissionId, OffsetDateTime now) {
        inbox.send(quote.shopId(), ShopInboxTypes.QUOTE_OUTCOME, request.id(),
                QuoteOutcome.of(quote, request, detail, submissionId, now), null);
        changed.fire(new QuoteChanged(request.customerId(), QuoteView.of(quote, request, repository.shop(quote.shopId()).name())));
    }

    /** The request closed (another quote won, the customer cancelled, time ran out): each quote still on the table is declined. */
    void declineAll(List<Quote> quotes, PartsRequest request, String why, OffsetDateTime now) {
        quotes.stream().filter(q -> q.decline(now)).forEach(q -> tell(q, request, why, null, now));
    }

    void refuse(UUID shopId, UUID requestId, String reason, UUID submissionId, OffsetDateTime now) {
        inbox.send(shopId, ShopInboxTypes.QUOTE_OUTCOME, requestId, QuoteOutcome.refused(requestId, reason, submissionId, now),
                null);
    }
}
