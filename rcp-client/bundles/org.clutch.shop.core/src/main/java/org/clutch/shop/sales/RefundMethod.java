package org.clutch.shop.sales;

/** How a refund goes back to the customer. */
public enum RefundMethod {

    /**
     * By the ways the sale was paid: back to the card first, then to the customer's account, and in cash only what
     * is left, never more than the cash the sale took.
     */
    AS_PAID,

    /** All in cash: beyond the cash the sale took, only with a manager's approval. */
    CASH
}
