package org.clutch.shop.sales;

import java.time.Instant;
import java.util.UUID;

/** A sale put aside at the till (customer went to fetch the car's old part) to be recalled later. */
public record HeldSale(UUID id, String label, String staffName, Instant heldAt, int lineCount, long totalMinor) {
}
