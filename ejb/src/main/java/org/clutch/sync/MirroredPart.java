package org.clutch.sync;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A shop's part as head office has it: the fields its desktop and head office share, and each field's stamp. */
public record MirroredPart(UUID shopId, UUID partId, String partNumber, String brand, String name, String category,
        String barcode, Long costMinor, long priceMinor, boolean taxable, OffsetDateTime changedAt, Map<String, Long> stamps) {
}
