package org.clutch.sync;

import java.util.UUID;

/**
 * A part's stock at a shop as the backend knows it: the sum of the shop's synced movement ledger, with the part's
 * mirrored number and name (null when the part's catalog entry has not arrived yet).
 */
public record CentralStock(UUID partId, String partNumber, String name, long onHand, long movements) {
}
