package org.clutch.shop.headoffice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.clutch.jms.HybridClock;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.common.InboxMessage;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.staff.Staff;

/**
 * What head office changes in this shop's records ({@link ShopInboxTypes#PART_CHANGED},
 * {@link ShopInboxTypes#CUSTOMER_CHANGED} on the inbox), merged field by field with the shop's own edits. The rule,
 * the same on both sides: for each field the edit with the later {@link HybridClock} stamp wins. Head office's
 * message says which stamp each field had when it changed it; if that is not the one held here, both sides changed the
 * field while apart, and the field is listed for review ({@link EditConflict}) with the value that lost. Keeping the
 * other value instead is a new edit here, which goes out like any other and then wins on both sides.
 */
public final class HeadOfficeEdits {

    /** Conflicts no one has reviewed yet (read by {@link #row(ResultSet)}). */
    private static final String CONFLICTS = """
            SELECT id, subject, subject_id, field, kept_value, kept_from, other_value, detected_at
              FROM edit_conflict WHERE resolved_at IS NULL""";

    private final ShopDatabase database;
    private final Clock clock;
    private final Map<EditConflict.Subject, SharedRecords> records;

    public HeadOfficeEdits(ShopDatabase database, Clock clock, List<SharedRecords> records) {
        this.database = database;
        this.clock = clock;
        this.records = records.stream().collect(Collectors.toMap(SharedRecords::subject, Function.identity()));
    }

    /**
     * Merges head office's change. Answers what happened, in words for the sync log; empty when the record is not
     * known here (nothing to merge into).
     *
     * @throws RuleException when the message cannot be read (with why)
     */
    public Optional<String> apply(SyncEvent event) {
        SharedRecords kind = records.values().stream().filter(r -> r.changeType().equals(event.type())).findFirst()
                .orElseThrow(() -> new RuleException("not a change head office makes: " + event.type()));
        Change change = InboxMessage.read(event, kind.changeType(), "a change by head office", o -> Change.of(o, kind));
        HybridClock stamps = database.editClock(clock);
        return database.inTransaction(c -> {
            Optional<SharedRecords.Stamped> found = kind.lock(c, change.id());
            if (found.isEmpty()) {
                return Optional.<String>empty();
            }
            SharedRecords.Stamped local = found.get();
            Map<String, Object> values = new LinkedHashMap<>(local.values());
            Map<String, Long> localStamps = new LinkedHashMap<>(local.stamps());
            List<String> taken = new ArrayList<>();
            int conflicts = 0;
            Instant now = clock.instant();
            for (Map.Entry<String, Object> field : change.values().entrySet()) {
                String name = field.getKey();
                Object theirs = field.getValue();
                Object ours = values.get(name);
                long theirStamp = change.stamps().get(name);
                long ourStamp = localStamps.get(name);
                stamps.observe(theirStamp);
                if (theirStamp > ourStamp) {
                    values.put(name, theirs);
                    localStamps.put(name, theirStamp);
                    taken.add(name);
                    if (!Objects.equals(change.replaced().get(name), ourStamp) && !Objects.equals(ours, theirs)) {
                        record(c, kind.subject(), change.id(), name, theirs, EditConflict.Side.HEAD_OFFICE, ours, now);
                        conflicts++;
                    }
                } else if (theirStamp < ourStamp && !Objects.equals(ours, theirs)) {
                    record(c, kind.subject(), change.id(), name, ours, EditConflict.Side.HERE, theirs, now);
                    conflicts++;
                }
            }
            if (!taken.isEmpty()) {
                kind.overwrite(c, change.id(), values, localStamps, now);
            }
            rememberStamp(c, FieldStamps.latest(change.stamps()));
            String what = "Head office changed " + String.join(", ", change.values().keySet()) + " of " + local.label();
            return Optional.of(what + (taken.size() == change.values().size() ? "." : "; kept this shop's later edit of "
                    + (change.values().size() - taken.size()) + " field(s).")
                    + (conflicts > 0 ? " " + conflicts + " field(s) were changed on both sides: see the fields to review on "
                            + "the Sync screen." : ""));
        });
    }

    /** Conflicts no one has reviewed yet, the newest first, each named by its record as it is now. */
    public List<EditConflict> open() {
        return database.read(c -> {
            List<EditConflict> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(CONFLICTS + " ORDER BY detected_at DESC, id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
            List<EditConflict> named = new ArrayList<>();
            for (EditConflict conflict : found) {
                named.add(named(c, conflict));
            }
            return named;
        });
    }

    /** The value that was kept stays; the conflict leaves the list. */
    public void keep(UUID conflictId, Staff by) {
        database.inTransaction(c -> {
            resolve(c, conflict(c, conflictId), "KEPT", by);
            return null;
        });
    }

    /**
     * The other value replaces the kept one, as a new edit of this shop (with that edit's rules: a price or a credit
     * limit needs a manager): it goes to head office with the next sync and wins there too.
     */
    public void keepOther(UUID conflictId, Staff by) {
        database.inTransaction(c -> {
            EditConflict conflict = conflict(c, conflictId);
            SharedRecords kind = records.get(conflict.subject());
            kind.edit(c, conflict.subjectId(), conflict.field(), kind.parse(conflict.field(), conflict.otherValue()), by);
            resolve(c, conflict, "OTHER_TAKEN", by);
            return null;
        });
    }

    private EditConflict conflict(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(CONFLICTS + " AND id = ? FOR UPDATE")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RuleException("That conflict was already reviewed.");
                }
                return row(row); // reviewing needs no name
            }
        }
    }

    private EditConflict named(Connection c, EditConflict conflict) throws SQLException {
        SharedRecords kind = records.get(conflict.subject());
        String label = kind == null ? null : kind.label(c, conflict.subjectId()).orElse(null);
        return new EditConflict(conflict.id(), conflict.subject(), conflict.subjectId(),
                label == null ? "(no longer here)" : label, conflict.field(), conflict.keptValue(), conflict.keptFrom(),
                conflict.otherValue(), conflict.detectedAt());
    }

    /** A row of {@link #CONFLICTS}, not yet named. */
    private static EditConflict row(ResultSet row) throws SQLException {
        return new EditConflict(row.getObject(1, UUID.class), EditConflict.Subject.valueOf(row.getString(2)),
                row.getObject(3, UUID.class), null, row.getString(4), row.getString(5),
                EditConflict.Side.valueOf(row.getString(6)), row.getString(7), row.getTimestamp(8).toInstant());
    }

    private void resolve(Connection c, EditConflict conflict, String resolution, Staff by) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE edit_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, by.username());
            update.setString(3, resolution);
            update.setObject(4, conflict.id());
            update.executeUpdate();
        }
    }

    private static void record(Connection c, EditConflict.Subject subject, UUID id, String field, Object kept,
            EditConflict.Side keptFrom, Object other, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO edit_conflict (id, subject, subject_id, field, kept_value, kept_from, other_value, detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, subject.name());
            insert.setObject(3, id);
            insert.setString(4, field);
            insert.setString(5, kept == null ? null : kept.toString());
            insert.setString(6, keptFrom.name());
            insert.setString(7, other == null ? null : other.toString());
            insert.setTimestamp(8, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** The clock restarts past head office's stamps too (a desktop whose clock runs behind head office's). */
    private static void rememberStamp(Connection c, long stamp) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("""
                MERGE INTO shop_setting (setting_name, setting_value) KEY (setting_name)
                SELECT 'sync.stamp-seen', CAST(GREATEST(?, COALESCE((SELECT CAST(setting_value AS BIGINT) FROM shop_setting
                                                                      WHERE setting_name = 'sync.stamp-seen'), 0)) AS VARCHAR)""")) {
            merge.setLong(1, stamp);
            merge.executeUpdate();
        }
    }

    /** Head office's change of one record; only the fields head office may change are taken. */
    private record Change(UUID id, Map<String, Object> values, Map<String, Long> stamps, Map<String, Long> replaced) {

        static Change of(JsonObject o, SharedRecords kind) {
            JsonObject values = o.getJsonObject("values");
            JsonObject stamps = o.getJsonObject("stamps");
            JsonObject replaced = o.getJsonObject("replaced");
            Map<String, Object> taken = new LinkedHashMap<>();
            Map<String, Long> stampOf = new LinkedHashMap<>();
            Map<String, Long> replacedOf = new LinkedHashMap<>();
            for (String field : kind.editableCentrally()) {
                if (values.containsKey(field)) {
                    taken.put(field, FieldStamps.fromJson(values.get(field)));
                    stampOf.put(field, stamps.getJsonNumber(field).longValueExact());
                    JsonValue before = replaced.get(field);
                    replacedOf.put(field, before instanceof JsonNumber n ? n.longValueExact() : null);
                }
            }
            if (taken.isEmpty()) {
                throw new RuleException("a change without any field this desktop takes");
            }
            return new Change(UUID.fromString(o.getString(kind.keyField())), taken, stampOf, replacedOf);
        }
    }
}
