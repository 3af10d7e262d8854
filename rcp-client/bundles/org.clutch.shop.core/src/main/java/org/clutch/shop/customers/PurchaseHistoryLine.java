package org.clutch.shop.customers;

import java.time.Instant;

/** A sale or return made to a customer, for their history. */
public record PurchaseHistoryLine(String saleNumber, String kind, String status, Instant at, int items, long totalMinor) {
}
