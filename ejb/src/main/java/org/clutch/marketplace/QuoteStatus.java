package org.clutch.marketplace;

/** A shop's quote: SUBMITTED (may be revised), then WITHDRAWN by the shop, ACCEPTED or DECLINED by the customer. */
public enum QuoteStatus {
    SUBMITTED, WITHDRAWN, ACCEPTED, DECLINED
}
