package org.clutch.sync;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A quote as a shop's desktop wrote it ({@code marketplace.quote-submitted}), in the shape the sync checked; the
 * marketplace checks it against the request when it takes it.
 */
public record DesktopQuote(String currency, List<Line> lines, BigDecimal freight, int etaHours, OffsetDateTime validUntil,
        String notes) {

    public DesktopQuote {
        lines = List.copyOf(lines);
    }

    /** One requested line: whether the shop has it and at what unit price (null when it has not). */
    public record Line(UUID requestLineId, boolean available, BigDecimal unitPrice) {
    }
}
