package org.clutch.shop.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.clutch.shop.db.ShopDatabase;

/** The shop's record of what the sync did, newest first; keeps the most recent {@value #KEPT} entries. */
public final class SyncLog {

    static final int KEPT = 1_000;

    private final ShopDatabase database;
    private final Clock clock;

    public SyncLog(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void record(SyncLogEntry.Kind kind, int events, String detail) {
        String text = detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail;
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sync_log (logged_at, kind, events, detail) VALUES (?, ?, ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(clock.instant()));
                insert.setString(2, kind.name());
                insert.setInt(3, events);
                insert.setString(4, text);
                insert.executeUpdate();
            }
            try (PreparedStatement prune = c.prepareStatement(
                    "DELETE FROM sync_log WHERE seq <= (SELECT MAX(seq) FROM sync_log) - ?")) {
                prune.setInt(1, KEPT);
                prune.executeUpdate();
            }
            return null;
        });
    }

    public List<SyncLogEntry> recent(int limit) {
        return database.read(c -> {
            List<SyncLogEntry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT logged_at, kind, events, detail FROM sync_log ORDER BY seq DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new SyncLogEntry(rows.getTimestamp(1).toInstant(),
                                SyncLogEntry.Kind.valueOf(rows.getString(2)), rows.getInt(3), rows.getString(4)));
                    }
                }
            }
            return entries;
        });
    }
}
