package org.clutch.shop.backup;

import java.nio.file.Path;
import java.util.Optional;

/** Where backups go and how many are kept; {@code folder} is empty until a manager sets backups up. */
public record BackupSettings(Optional<Path> folder, int keep, boolean hasPassphrase) {

    public static final int DEFAULT_KEEP = 14;

    public boolean isSetUp() {
        return folder.isPresent() && hasPassphrase;
    }
}
