package org.clutch.shop.backup;

import java.time.Instant;
import java.util.Optional;

/** Whether the shop's books are safe: the last good backup, and a warning when there is reason to worry. */
public record BackupHealth(Optional<Instant> lastGood, Optional<String> warning) {

    public boolean isWorrying() {
        return warning.isPresent();
    }
}
