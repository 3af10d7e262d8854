package org.clutch.shop.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A parts request the marketplace sent this shop to quote: the car, the parts, how far, until when; and this shop's
 * quote on it, if it wrote one (null otherwise).
 */
public record IncomingRequest(UUID requestId, String vehicle, String vin, List<Line> lines, BigDecimal distanceKm,
        Instant dispatchedAt, Instant expiresAt, Instant receivedAt, LocalQuote quote) {

    public record Line(UUID id, int lineNo, String name, String partNumber, int quantity, String notes) {
    }

    public boolean isOpenAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
