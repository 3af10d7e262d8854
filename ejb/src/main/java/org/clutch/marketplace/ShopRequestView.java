package org.clutch.marketplace;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A parts request as a shop it was dispatched to sees it: the request, how far the delivery point is, and the
 * shop's own quote if it has one. Other shops' quotes are never part of it.
 */
public record ShopRequestView(PartsRequestView request, BigDecimal distanceKm, OffsetDateTime dispatchedAt,
        QuoteView myQuote) {
}
