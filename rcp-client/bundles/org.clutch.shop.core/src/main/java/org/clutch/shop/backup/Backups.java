package org.clutch.shop.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.clutch.shop.db.PendingRestore;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.db.ShopSettingsTable;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.staff.Staff;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The shop's backups: encrypted copies of the whole local database in a folder the manager chooses (a USB disk, a
 * network share), made daily by themselves and on demand, the newest {@code keep} kept. A restore is checked whole
 * before anything changes, then swapped in when the desktop next starts, the current database kept aside.
 * The passphrase itself is never stored: the key derived from it is, so that daily backups need nobody to type it.
 */
public final class Backups {

    static final Duration DUE_AFTER = Duration.ofDays(1);
    static final Duration WORRY_AFTER = Duration.ofDays(2);
    private static final int SHORTEST_PASSPHRASE = 10;
    private static final List<String> SETTINGS = List.of("backup.folder", "backup.keep", "backup.salt",
            "backup.iterations", "backup.key", "backup.last-at", "backup.last-file", "backup.failure", "backup.failed-at");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));

    private final ShopDatabase database;
    private final Clock clock;

    public Backups(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public BackupSettings settings() {
        return settings(stored());
    }

    private static BackupSettings settings(Map<String, String> stored) {
        return new BackupSettings(Optional.ofNullable(stored.get("backup.folder")).map(Path::of),
                Integer.parseInt(stored.getOrDefault("backup.keep", String.valueOf(BackupSettings.DEFAULT_KEEP))),
                stored.containsKey("backup.key"));
    }

    /**
     * Sets where backups go, how many are kept and (when {@code passphrase} is given) the passphrase that encrypts
     * them; a manager's decision. The folder must exist and take a file now.
     */
    public void configure(Path folder, int keep, char[] passphrase, Staff manager) {
        manager.requireManager("set up backups");
        if (keep < 1 || keep > 365) {
            throw new BackupException("Keep between 1 and 365 backups.");
        }
        if (passphrase == null && !settings().hasPassphrase()) {
            throw new BackupException("Choose a passphrase: backups hold customers' personal data and are encrypted with it.");
        }
        if (passphrase != null && passphrase.length < SHORTEST_PASSPHRASE) {
            throw new BackupException("The passphrase needs " + SHORTEST_PASSPHRASE + " characters or more.");
        }
        requireReachable(folder.toAbsolutePath());
        Map<String, String> changed = new HashMap<>();
        changed.put("backup.folder", folder.toAbsolutePath().toString());
        changed.put("backup.keep", String.valueOf(keep));
        if (passphrase != null) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            SecretKey key = BackupFile.deriveKey(passphrase, salt, BackupFile.ITERATIONS);
            changed.put("backup.salt", Base64.getEncoder().encodeToString(salt));
            changed.put("backup.iterations", String.valueOf(BackupFile.ITERATIONS));
            changed.put("backup.key", Base64.getEncoder().encodeToString(key.getEncoded()));
        }
        store(changed);
    }

    /** "Back up now": a manager's backup, whenever the last one was. */
    public BackupRecord backUpNow(Staff manager) {
        manager.requireManager("back up the shop");
        return backUp();
    }

    /** The daily backup: made when backups are set up and the last good one is a day old or more. */
    public Optional<BackupRecord> backUpIfDue() {
        Map<String, String> stored = stored();
        if (!settings(stored).isSetUp()) {
            return Optional.empty();
        }
        Optional<Instant> last = lastGood(stored);
        if (last.isPresent() && Duration.between(last.get(), clock.instant()).compareTo(DUE_AFTER) < 0) {
            return Optional.empty();
        }
        return Optional.of(backUp());
    }

    /** The last good backup, and a warning when it is two days old or more, or the folder cannot be reached. */
    public BackupHealth health() {
        Map<String, String> stored = stored();
        BackupSettings settings = settings(stored);
        Optional<Instant> last = lastGood(stored);
        if (!settings.isSetUp()) {
            return new BackupHealth(last, Optional.of("Backups are not set up"));
        }
        Path folder = settings.folder().orElseThrow();
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            return new BackupHealth(last, Optional.of("Backup folder " + folder + " cannot be reached"));
        }
        if (last.isEmpty()) {
            return new BackupHealth(last, Optional.of("No backup yet"));
        }
        Duration age = Duration.between(last.get(), clock.instant());
        if (age.compareTo(WORRY_AFTER) >= 0) {
            return new BackupHealth(last, Optional.of("Last backup " + age.toDays() + " days ago"));
        }
        return new BackupHealth(last, Optional.empty());
    }

    /** The last backup that failed, and why, when it is newer than the last good one. */
    public Optional<String> lastFailure() {
        Map<String, String> stored = stored();
        String failedAt = stored.get("backup.failed-at");
        if (failedAt == null || lastGood(stored).map(good -> !good.isBefore(Instant.parse(failedAt))).orElse(false)) {
            return Optional.empty();
        }
        return Optional.ofNullable(stored.get("backup.failure"));
    }

    /** The backups in the folder, newest first (any shop's: a restore may come from another machine's). */
    public List<BackupRecord> inFolder() {
        Optional<Path> folder = settings().folder();
        return folder.isPresent() && Files.isDirectory(folder.get()) ? list(folder.get()) : List.of();
    }

    /** The backups in {@code folder}, newest first; files that are not readable backups are left out. */
    public static List<BackupRecord> list(Path folder) {
        List<BackupRecord> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + BackupFile.EXTENSION)) {
            for (Path file : files) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                    BackupFile.Header header = BackupFile.readHeader(in);
                    found.add(new BackupRecord(file, header.createdAt(), header.shopName(), header.schemaVersion(), Files.size(file)));
                } catch (IOException | BackupException e) {
                    // not one of ours, or damaged: a restore of it would say why
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(Comparator.comparing(BackupRecord::createdAt).reversed());
        return found;
    }

    /**
     * Checks {@code file} whole with {@code passphrase} and stages it to replace the shop's database at the next start
     * of the desktop; nothing changes before that, and nothing at all when the file is refused.
     */
    public String prepareRestore(Path file, char[] passphrase, Staff manager) {
        manager.requireManager("restore a backup");
        return stage(database.directory(), file, passphrase);
    }

    /**
     * Stages {@code file} in {@code dataDirectory} for the next start (for a new computer, before any shop is open
     * there). Returns what will be restored, in words.
     */
    public static String stage(Path dataDirectory, Path file, char[] passphrase) {
        PendingRestore.discard(dataDirectory);
        Path staging = PendingRestore.stagingFolder(dataDirectory);
        try {
            Files.createDirectories(staging);
            BackupFile.Header header;
            Path zip = staging.resolve("backup.zip");
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                header = BackupFile.readHeader(in);
                if (header.schemaVersion() > ShopDatabase.knownSchemaVersion()) {
                    throw new BackupException("This backup was made by a newer version of Clutch shop (database version "
                            + header.schemaVersion() + "; this desktop knows up to " + ShopDatabase.knownSchemaVersion()
                            + "). Update the desktop first, then restore it.");
                }
                SecretKey key = BackupFile.deriveKey(passphrase, header.salt(), header.iterations());
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16)) {
                    BackupFile.read(header, key, in, out);
                }
            }
            unpackDatabase(zip, PendingRestore.stagedDatabase(dataDirectory));
            Files.delete(zip);
            int version = versionOf(PendingRestore.stagedDatabase(dataDirectory));
            if (version != header.schemaVersion()) {
                throw new BackupException("The backup's database is not what its header says (version " + version + ").");
            }
            String description = "the backup of " + header.shopName() + " made "
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(header.createdAt());
            PendingRestore.markReady(dataDirectory, description);
            return description;
        } catch (IOException e) {
            PendingRestore.discard(dataDirectory);
            throw new BackupException("The backup could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            PendingRestore.discard(dataDirectory);
            throw e;
        }
    }

    private synchronized BackupRecord backUp() {
        Map<String, String> stored = stored();
        BackupSettings settings = settings(stored);
        if (!settings.isSetUp()) {
            throw new BackupException("Backups are not set up: choose a folder and a passphrase first.");
        }
        Path folder = settings.folder().orElseThrow();
        Instant now = clock.instant();
        String shopName = ShopProfile.load(database).name();
        Path target = folder.resolve(fileName(shopName, now));
        Path partial = folder.resolve(target.getFileName() + ".partial");
        Path zip = database.directory().resolve("backup-" + STAMP.format(now) + ".zip");
        try {
            requireReachable(folder);
            Files.deleteIfExists(zip);
            database.backUpTo(zip);
            byte[] salt = Base64.getDecoder().decode(stored.get("backup.salt"));
            SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(stored.get("backup.key")), "AES");
            BackupFile.Header header = BackupFile.newHeader(database.schemaVersion(), now, shopName, key, salt,
                    Integer.parseInt(stored.get("backup.iterations")));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(zip), 1 << 16);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                BackupFile.write(header, key, in, out);
            }
            verify(partial, key);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            store(Map.of("backup.last-at", now.toString(), "backup.last-file", target.toString()));
            prune(folder, shopName, settings.keep());
            return new BackupRecord(target, now, shopName, header.schemaVersion(), Files.size(target));
        } catch (IOException | RuntimeException e) {
            String why = e instanceof BackupException ? e.getMessage() : "The backup to " + folder + " failed: " + e.getMessage();
            store(Map.of("backup.failure", why, "backup.failed-at", now.toString()));
            throw e instanceof BackupException backup ? backup : new BackupException(why);
        } finally {
            deleteQuietly(zip);
            deleteQuietly(partial);
        }
    }

    /** Reads the new file back whole, so that a backup is called good only when it can be restored. */
    private static void verify(Path file, SecretKey key) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            BackupFile.read(BackupFile.readHeader(in), key, in, OutputStream.nullOutputStream());
        }
    }

    /** Keeps the newest {@code keep} backups of this shop in the folder; other shops' files are left alone. */
    private static void prune(Path folder, String shopName, int keep) throws IOException {
        List<BackupRecord> ours = list(folder).stream().filter(b -> b.shopName().equals(shopName)).toList();
        for (BackupRecord old : ours.subList(Math.min(keep, ours.size()), ours.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    static String fileName(String shopName, Instant at) {
        String slug = shopName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "shop" : slug) + "-" + STAMP.format(at) + BackupFile.EXTENSION;
    }

    private static void unpackDatabase(Path zip, Path database) throws IOException {
        String wanted = ShopDatabase.FILE_NAME + ".mv.db";
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(wanted)) {
                    Files.copy(in, database, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new BackupException("The backup holds no shop database.");
    }

    /** Opens the unpacked database read-only and asks its version: it must be a working shop database. */
    private static int versionOf(Path databaseFile) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + databaseFile.toAbsolutePath().resolveSibling(name) + ";ACCESS_MODE_DATA=r");
        source.setUser("shop");
        source.setPassword("");
        try (Connection connection = source.getConnection()) {
            return ShopDatabase.schemaVersion(connection);
        } catch (SQLException e) {
            throw new BackupException("The backup's database does not open: " + e.getMessage());
        }
    }

    private static void requireReachable(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BackupException("The backup folder " + folder + " cannot be reached. Is the USB disk plugged in, "
                    + "or the network share available?");
        }
        try {
            Path probe = Files.createTempFile(folder, ".clutch-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new BackupException("Backups cannot be written to " + folder + ": " + e.getMessage());
        }
    }

    private static Optional<Instant> lastGood(Map<String, String> stored) {
        return Optional.ofNullable(stored.get("backup.last-at")).map(Instant::parse);
    }

    private Map<String, String> stored() {
        return database.read(c -> ShopSettingsTable.read(c, SETTINGS));
    }

    private void store(Map<String, String> values) {
        ShopSettingsTable.write(database, values);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is only space
        }
    }
}
