package org.clutch.shop.purchasing;

import java.util.UUID;

import org.clutch.shop.common.RuleException;

/**
 * A part as one supplier sells it: their number for it, the cost from them, their lead time for it (or null for
 * the supplier's usual one) and the pack size it comes in.
 */
public record SupplierPart(UUID supplierId, String supplierName, UUID partId, String partNumber, String partName,
        String supplierPartNumber, long costMinor, Integer leadTimeDays, int packQuantity, boolean preferred) {

    public SupplierPart {
        if (supplierPartNumber == null || supplierPartNumber.isBlank()) {
            throw new RuleException("Give the supplier's number for the part.");
        }
        if (costMinor < 0) {
            throw new RuleException("A cost cannot be negative.");
        }
        if (leadTimeDays != null && leadTimeDays < 0) {
            throw new RuleException("A lead time is 0 days or more.");
        }
        if (packQuantity < 1) {
            throw new RuleException("A pack holds at least one unit.");
        }
        supplierPartNumber = supplierPartNumber.trim();
    }

    /** The smallest whole number of packs that covers {@code needed} units, in units. */
    public int roundUpToPacks(int needed) {
        int packs = (needed + packQuantity - 1) / packQuantity;
        return Math.max(1, packs) * packQuantity;
    }
}
