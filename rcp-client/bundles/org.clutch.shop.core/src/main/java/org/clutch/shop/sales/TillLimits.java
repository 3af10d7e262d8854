package org.clutch.shop.sales;

import org.clutch.shop.common.RuleException;

/**
 * What a clerk may do at the till without a manager: give discounts up to a share of the sale, and refund up to an
 * amount. Managers set them; managers themselves have no limit.
 */
public record TillLimits(int clerkDiscountLimitBp, long clerkRefundLimitMinor) {

    public TillLimits {
        if (clerkDiscountLimitBp < 0 || clerkDiscountLimitBp > 10_000) {
            throw new RuleException("The clerk's discount limit is a percentage from 0 to 100.");
        }
        if (clerkRefundLimitMinor < 0) {
            throw new RuleException("The clerk's refund limit cannot be negative.");
        }
    }

    /** The largest discount a clerk may give alone on a sale whose lines come to {@code subtotalMinor}. */
    public long clerkDiscountLimitOn(long subtotalMinor) {
        return Math.multiplyExact(subtotalMinor, (long) clerkDiscountLimitBp) / 10_000L;
    }

}
