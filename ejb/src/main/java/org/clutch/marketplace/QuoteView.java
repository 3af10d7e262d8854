package org.clutch.marketplace;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A quote with its computed total and the requested lines it does not cover; lines in the request's order. */
public record QuoteView(UUID id, UUID requestId, UUID shopId, String shopName, QuoteStatus status, String currency,
        List<LineView> lines, List<UUID> missingLineIds, BigDecimal freight, BigDecimal total, int etaHours,
        OffsetDateTime validUntil, String notes, int revision, OffsetDateTime submittedAt, OffsetDateTime updatedAt) {

    public record LineView(UUID requestLineId, boolean available, BigDecimal unitPrice) {
    }

    static QuoteView of(Quote q, PartsRequest request, String shopName) {
        return new QuoteView(q.id(), q.requestId(), q.shopId(), shopName, q.status(), q.currency(),
                q.lines().stream().sorted(Comparator.comparingInt(l -> request.line(l.requestLineId()).lineNo()))
                        .map(l -> new LineView(l.requestLineId(), l.available(), l.unitPrice())).toList(),
                q.missingLineIds(request), q.freight(), q.total(request), q.etaHours(), q.validUntil(), q.notes(),
                q.revision(), q.submittedAt(), q.updatedAt());
    }
}
