package org.clutch.marketplace;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of a list of parts requests. */
public record RequestSummary(UUID id, RequestStatus status, String make, String model, int year, int lineCount,
        OffsetDateTime createdAt, OffsetDateTime expiresAt) {

    static RequestSummary of(PartsRequest r) {
        return new RequestSummary(r.id(), r.status(), r.vehicle().make(), r.vehicle().model(), r.vehicle().modelYear(),
                r.lines().size(), r.createdAt(), r.expiresAt());
    }
}
