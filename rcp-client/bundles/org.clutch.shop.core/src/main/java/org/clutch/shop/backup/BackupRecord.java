package org.clutch.shop.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file in the backup folder, as its header describes it. */
public record BackupRecord(Path file, Instant createdAt, String shopName, int schemaVersion, long bytes) {
}
