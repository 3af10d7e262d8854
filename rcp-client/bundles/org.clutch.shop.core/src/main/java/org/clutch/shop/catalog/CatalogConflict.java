package org.clutch.shop.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A field of a part that this shop and head office both changed while apart. Both sides kept the later edit
 * ({@code keptValue}, made {@code keptFrom} here or at head office); {@code otherValue} is the edit that lost, which a
 * person may keep instead. Values as stored: text, whole minor units for prices, true/false.
 */
public record CatalogConflict(UUID id, UUID partId, String partNumber, String partName, String field, String keptValue,
        Side keptFrom, String otherValue, Instant detectedAt) {

    public enum Side {
        HERE, HEAD_OFFICE
    }
}
