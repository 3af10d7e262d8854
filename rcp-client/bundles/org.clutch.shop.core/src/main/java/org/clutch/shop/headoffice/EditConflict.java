package org.clutch.shop.headoffice;

import java.time.Instant;
import java.util.UUID;

/**
 * A field of a record (a part, a customer: {@code label} names it as it is now) that this shop and head office both
 * changed while apart. Both sides kept the later edit ({@code keptValue}, made {@code keptFrom} here or at head
 * office); {@code otherValue} is the edit that lost, which a person may keep instead. Values as stored: text, whole
 * minor units for money, true/false; null is none.
 */
public record EditConflict(UUID id, Subject subject, UUID subjectId, String label, String field, String keptValue,
        Side keptFrom, String otherValue, Instant detectedAt) {

    /** What kind of record the field is of. */
    public enum Subject {
        PART, CUSTOMER
    }

    public enum Side {
        HERE, HEAD_OFFICE
    }
}
