package org.clutch.billing;

/** Where an invoice stands. The names are part of the API. */
public enum InvoiceStatus {
    ISSUED, PAID, OVERDUE, VOID
}
