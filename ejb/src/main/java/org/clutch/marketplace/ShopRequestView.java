package org.clutch.marketplace;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A parts request as a shop it was dispatched to sees it: the request, how far the delivery point is, and the
 * shop's own quote if it has one. Other shops' quotes are never part of it.
 */
public record ShopRequestView(PartsRequestView request, BigDecimal distanceKm, OffsetDateTime dispatchedAt,
        QuoteView myQuote) {

    /** The request as dispatched to one shop, with that shop's own quote or null: no quote of another shop. */
    static ShopRequestView of(PartsRequest request, Dispatch dispatch, QuoteView myQuote) {
        return new ShopRequestView(PartsRequestView.of(request, List.of()), dispatch.distanceKm(), dispatch.dispatchedAt(),
                myQuote);
    }
}
