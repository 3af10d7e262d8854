package org.clutch.shop.marketplace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quote as the shop writes it on the desktop: per requested line whether it can supply it and at what unit price
 * (in the shop's currency, minor units), freight, hours to delivery, how long the prices hold, a note.
 */
public record QuoteDraft(UUID requestId, List<Line> lines, long freightMinor, int etaHours, Instant validUntil, String notes) {

    public QuoteDraft {
        lines = List.copyOf(lines);
    }

    public record Line(UUID requestLineId, boolean available, Long unitPriceMinor) {
    }

    public QuoteDraft withLine(int index, Line line) {
        List<Line> changed = new java.util.ArrayList<>(lines);
        changed.set(index, line);
        return new QuoteDraft(requestId, changed, freightMinor, etaHours, validUntil, notes);
    }
}
