package org.clutch.shop.purchasing;

import java.util.List;

/** What to order from one supplier to bring low parts back up, before it becomes a draft purchase order. */
public record SuggestedOrder(Supplier supplier, List<Line> lines) {

    public SuggestedOrder {
        lines = List.copyOf(lines);
    }

    public record Line(SupplierPart source, int onHand, int onOrder, int reorderPoint, int quantity) {
    }

    public long totalMinor() {
        return lines.stream().mapToLong(l -> l.source().costMinor() * l.quantity()).sum();
    }
}
