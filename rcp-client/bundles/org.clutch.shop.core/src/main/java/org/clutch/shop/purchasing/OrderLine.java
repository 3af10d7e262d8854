package org.clutch.shop.purchasing;

import java.util.UUID;

import org.clutch.shop.common.RuleException;

/** A line to put on a draft order: the part, how many, and the cost agreed (null: the supplier's cost for it). */
public record OrderLine(UUID partId, int quantity, Long unitCostMinor) {

    public OrderLine {
        if (partId == null) {
            throw new RuleException("Choose a part to order.");
        }
        if (quantity <= 0) {
            throw new RuleException("Order at least one unit.");
        }
        if (unitCostMinor != null && unitCostMinor < 0) {
            throw new RuleException("A cost cannot be negative.");
        }
    }
}
