package org.clutch.shop.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clutch.jms.HybridClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The shop's local database: H2 in file mode, migrated by Flyway at open. A commit is written to the file
 * before {@link #inTransaction} returns, so a confirmed sale survives the process being killed.
 */
public final class ShopDatabase implements AutoCloseable {

    /** One unit of work on a connection; the connection is not to be kept. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** The database is {@code shop.mv.db} in the data directory (H2 adds the extension). */
    public static final String FILE_NAME = "shop";

    private final JdbcConnectionPool pool;
    private final Path directory;
    private final DataDirectoryLock lock;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private HybridClock editClock;

    private ShopDatabase(Path directory, JdbcConnectionPool pool, DataDirectoryLock lock) {
        this.directory = directory;
        this.pool = pool;
        this.lock = lock;
    }

    /** Opens the shop in {@code directory}, or throws {@link ShopInUseException} when another desktop has it open. */
    public static ShopDatabase open(Path directory) {
        DataDirectoryLock lock = DataDirectoryLock.take(directory);
        try {
            PendingRestore.applyIfAny(directory);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=131072";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "shop", "");
        pool.setMaxConnections(8);
        try {
            Flyway.configure(ShopDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .resourceProvider(new BundledMigrations(ShopDatabase.class.getClassLoader()))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            lock.close();
            throw e;
        }
        return new ShopDatabase(directory, pool, lock);
    }

    /**
     * The one clock that stamps this shop's edits of what it shares with head office, parts and customers (shared by
     * everything that edits or receives edits here), started past every stamp stored: the parts' and customers'
     * latest, and the latest head office stamp seen.
     */
    public synchronized HybridClock editClock(Clock wall) {
        if (editClock == null) {
            long floor = read(c -> {
                try (ResultSet row = c.createStatement().executeQuery("""
                        SELECT GREATEST(COALESCE((SELECT MAX(last_stamp) FROM part), 0),
                               COALESCE((SELECT MAX(last_stamp) FROM customer), 0),
                               COALESCE((SELECT CAST(setting_value AS BIGINT) FROM shop_setting
                                          WHERE setting_name = 'sync.stamp-seen'), 0))""")) {
                    row.next();
                    return row.getLong(1);
                }
            });
            editClock = new HybridClock(wall, floor);
        }
        return editClock;
    }

    public Path directory() {
        return directory;
    }

    /** The newest database version this desktop's migrations know; a backup of a newer one cannot be restored here. */
    public static int knownSchemaVersion() {
        return BundledMigrations.newestVersion(ShopDatabase.class.getClassLoader());
    }

    /** The version this database was migrated to. */
    public int schemaVersion() {
        return read(ShopDatabase::schemaVersion);
    }

    /** The version the shop database behind {@code c} was migrated to (also one opened only to be checked). */
    public static int schemaVersion(Connection c) throws SQLException {
        try (ResultSet row = c.createStatement().executeQuery(
                "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * Writes a transactionally consistent copy of the database to {@code zip} while it stays in use (H2's online
     * backup: sales go on being recorded meanwhile).
     */
    public void backUpTo(Path zip) {
        inTransaction(c -> {
            try (PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, zip.toAbsolutePath().toString());
                backup.execute();
            }
            return null;
        });
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it (and the exception is thrown). */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                durable(connection);
                commitListeners.forEach(Runnable::run);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Writes what was committed to the file before the caller is told it is done. H2 otherwise keeps the last
     * half second of commits in memory (WRITE_DELAY); setting that to 0 instead stores every statement as its
     * own chunk and makes the file grow by tens of kilobytes per statement.
     */
    private static void durable(Connection connection) throws SQLException {
        try (var checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        }
    }

    /**
     * {@code listener} runs after each committed transaction, on the committing thread, so it must be quick (the
     * sync uses it to send a sale as soon as it is stored, instead of polling).
     */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    public void removeOnCommit(Runnable listener) {
        commitListeners.remove(listener);
    }

    /** Runs a read with auto-commit. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Closes the database, compacting the file (H2 leaves the space of old versions in it while open). */
    @Override
    public void close() {
        try (Connection connection = pool.getConnection(); var shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // closing anyway; an uncompacted file is only larger
        }
        pool.dispose();
        lock.close();
    }
}
