package org.clutch.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/** How a shop's desktop is syncing, as an admin sees it; the times are null until the first event. */
public record ShopSyncStatus(UUID shopId, String shopName, long eventsApplied, long duplicatesIgnored, long rejected,
        OffsetDateTime lastChangeMadeAt, OffsetDateTime lastAppliedAt, String lastRejection,
        OffsetDateTime lastRejectedAt) {
}
