package org.clutch.shop.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A restored database waiting in the data directory's {@code restore} folder for the next start. It is swapped in
 * before the database opens: the current file is first moved to a {@code before-restore-...} folder, never deleted.
 * Each step can be repeated, so a start cut short half-way finishes the swap on the next one.
 */
public final class PendingRestore {

    private static final String FOLDER = "restore";
    private static final String READY = "ready";
    private static final String DATABASE = ShopDatabase.FILE_NAME + ".mv.db";

    private PendingRestore() {
    }

    /** Where a restore is unpacked and checked before it is marked ready. */
    public static Path stagingFolder(Path dataDirectory) {
        return dataDirectory.resolve(FOLDER);
    }

    /** The database file a restore is unpacked to. */
    public static Path stagedDatabase(Path dataDirectory) {
        return stagingFolder(dataDirectory).resolve(DATABASE);
    }

    /** Marks the staged database ready: the next start of the desktop swaps it in. */
    public static void markReady(Path dataDirectory, String description) {
        try {
            Files.writeString(stagingFolder(dataDirectory).resolve(READY), description, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is waiting to be restored at the next start, if anything. */
    public static Optional<String> waiting(Path dataDirectory) {
        Path ready = stagingFolder(dataDirectory).resolve(READY);
        try {
            return Files.exists(ready) ? Optional.of(Files.readString(ready, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws away a restore that was staged but not made ready (or no longer wanted). */
    public static void discard(Path dataDirectory) {
        Path staging = stagingFolder(dataDirectory);
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void applyIfAny(Path dataDirectory) {
        Path staging = stagingFolder(dataDirectory);
        if (!Files.exists(staging.resolve(READY))) {
            discard(dataDirectory); // an unfinished staging from a restore that failed or was cancelled
            return;
        }
        try {
            Path staged = staging.resolve(DATABASE);
            Path current = dataDirectory.resolve(DATABASE);
            if (Files.exists(staged)) {
                if (Files.exists(current)) {
                    Path aside = dataDirectory.resolve("before-restore-"
                            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                    Files.createDirectories(aside);
                    Files.move(current, aside.resolve(DATABASE));
                    Path trace = dataDirectory.resolve(ShopDatabase.FILE_NAME + ".trace.db");
                    if (Files.exists(trace)) {
                        Files.move(trace, aside.resolve(trace.getFileName()));
                    }
                }
                Files.move(staged, current, StandardCopyOption.ATOMIC_MOVE);
            }
            discard(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("The restored shop could not be put in place: " + e.getMessage(), e);
        }
    }
}
