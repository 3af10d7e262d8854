package org.clutch.shop.catalog;

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

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.HybridClock;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.InboxMessage;
import org.clutch.shop.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.staff.Staff;

/**
 * What head office changes in this shop's catalog ({@link ShopInboxTypes#PART_CHANGED} on the inbox), merged field
 * by field with the shop's own edits. The rule, the same on both sides: for each field the edit with the later
 * {@link HybridClock} stamp wins. Head office's message says which stamp each field had when it changed it; if that
 * is not the one held here, both sides changed the field while apart, and the field is listed for review
 * ({@link CatalogConflict}) with the value that lost. Keeping the other value instead is a new edit here, which goes
 * out like any other and then wins on both sides.
 */
public final class HeadOfficeEdits {

    /** Conflicts no one has reviewed yet, with their part (read by {@link #conflict(ResultSet)}). */
    private static final String CONFLICTS = """
            SELECT k.id, k.part_id, p.part_number, p.name, k.field, k.kept_value, k.kept_from, k.other_value, k.detected_at
              FROM catalog_conflict k JOIN part p ON p.id = k.part_id
             WHERE k.resolved_at IS NULL""";

    private final ShopDatabase database;
    private final Catalog catalog;
    private final Clock clock;

    public HeadOfficeEdits(ShopDatabase database, Catalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Merges head office's change. Answers what happened, in words for the sync log; empty when the part is not known
     * here (nothing to merge into).
     *
     * @throws RuleException when the message cannot be read (with why)
     */
    public Optional<String> apply(SyncEvent event) {
        Change change = InboxMessage.read(event, ShopInboxTypes.PART_CHANGED, "a catalog change", Change::of);
        HybridClock stamps = database.editClock(clock);
        return database.inTransaction(c -> {
            Optional<Part> part = catalog.get(c, change.partId());
            if (part.isEmpty()) {
                return Optional.<String>empty();
            }
            Catalog.Stamped local = Catalog.stamped(c, change.partId());
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
                        record(c, change.partId(), name, theirs, CatalogConflict.Side.HEAD_OFFICE, ours, now);
                        conflicts++;
                    }
                } else if (theirStamp < ourStamp && !Objects.equals(ours, theirs)) {
                    record(c, change.partId(), name, ours, CatalogConflict.Side.HERE, theirs, now);
                    conflicts++;
                }
            }
            if (!taken.isEmpty()) {
                catalog.overwrite(c, with(part.get(), values), localStamps, now);
            }
            rememberStamp(c, change.stamps().values().stream().mapToLong(Long::longValue).max().orElse(0));
            String what = "Head office changed " + String.join(", ", change.values().keySet()) + " of " + part.get().partNumber()
                    + " (" + part.get().name() + ")";
            return Optional.of(what + (taken.size() == change.values().size() ? "." : "; kept this shop's later edit of "
                    + (change.values().size() - taken.size()) + " field(s).")
                    + (conflicts > 0 ? " " + conflicts + " field(s) were changed on both sides: see Catalog conflicts." : ""));
        });
    }

    /** Conflicts no one has reviewed yet, the newest first. */
    public List<CatalogConflict> open() {
        return database.read(c -> {
            List<CatalogConflict> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(CONFLICTS + " ORDER BY k.detected_at DESC, k.id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(conflict(rows));
                }
            }
            return found;
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
     * The other value replaces the kept one, as a new edit of this shop (a price needs a manager, as any price
     * change): it goes to head office with the next sync and wins there too.
     */
    public void keepOther(UUID conflictId, Staff by) {
        database.inTransaction(c -> {
            CatalogConflict conflict = conflict(c, conflictId);
            Part part = catalog.get(c, conflict.partId()).orElseThrow(() -> new RuleException("That part no longer exists."));
            Map<String, Object> values = FieldStamps.values(part);
            values.put(conflict.field(), parse(conflict.field(), conflict.otherValue()));
            catalog.save(c, with(part, values), by);
            resolve(c, conflict, "OTHER_TAKEN", by);
            return null;
        });
    }

    private static CatalogConflict conflict(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(CONFLICTS + " AND k.id = ? FOR UPDATE")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RuleException("That conflict was already reviewed.");
                }
                return conflict(row);
            }
        }
    }

    /** A row of {@link #CONFLICTS}. */
    private static CatalogConflict conflict(ResultSet row) throws SQLException {
        return new CatalogConflict(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), CatalogConflict.Side.valueOf(row.getString(7)), row.getString(8),
                row.getTimestamp(9).toInstant());
    }

    private void resolve(Connection c, CatalogConflict conflict, String resolution, Staff by) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE catalog_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, by.username());
            update.setString(3, resolution);
            update.setObject(4, conflict.id());
            update.executeUpdate();
        }
    }

    private static void record(Connection c, UUID partId, String field, Object kept, CatalogConflict.Side keptFrom, Object other,
            Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO catalog_conflict (id, part_id, field, kept_value, kept_from, other_value, detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, partId);
            insert.setString(3, field);
            insert.setString(4, kept == null ? null : kept.toString());
            insert.setString(5, keptFrom.name());
            insert.setString(6, other == null ? null : other.toString());
            insert.setTimestamp(7, Timestamp.from(now));
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

    private static Object parse(String field, String text) {
        if (text == null) {
            return null;
        }
        return switch (field) {
            case CatalogFields.COST, CatalogFields.PRICE -> Long.parseLong(text);
            case CatalogFields.TAXABLE -> Boolean.parseBoolean(text);
            default -> text;
        };
    }

    private static Part with(Part p, Map<String, Object> v) {
        return new Part(p.id(), (String) v.get(CatalogFields.PART_NUMBER), (String) v.get(CatalogFields.BRAND),
                (String) v.get(CatalogFields.NAME), (String) v.get(CatalogFields.CATEGORY), (String) v.get(CatalogFields.BARCODE),
                (Long) v.get(CatalogFields.COST), (Long) v.get(CatalogFields.PRICE), (Boolean) v.get(CatalogFields.TAXABLE),
                p.defaultBin(), p.minQty(), p.maxQty(), p.reorderPoint(), p.crossReferences(), p.fitments());
    }

    /** The catalog.part-changed payload; only the fields head office may change are taken. */
    private record Change(UUID partId, Map<String, Object> values, Map<String, Long> stamps, Map<String, Long> replaced) {

        static Change of(JsonObject o) {
            JsonObject values = o.getJsonObject("values");
            JsonObject stamps = o.getJsonObject("stamps");
            JsonObject replaced = o.getJsonObject("replaced");
            Map<String, Object> taken = new LinkedHashMap<>();
            Map<String, Long> stampOf = new LinkedHashMap<>();
            Map<String, Long> replacedOf = new LinkedHashMap<>();
            for (String field : CatalogFields.EDITABLE_CENTRALLY) {
                if (values.containsKey(field)) {
                    taken.put(field, FieldStamps.fromJson(values.get(field)));
                    stampOf.put(field, stamps.getJsonNumber(field).longValueExact());
                    JsonValue before = replaced.get(field);
                    replacedOf.put(field, before instanceof JsonNumber n ? n.longValueExact() : null);
                }
            }
            if (taken.isEmpty()) {
                throw new RuleException("a catalog change without any field this desktop takes");
            }
            return new Change(UUID.fromString(o.getString("partId")), taken, stampOf, replacedOf);
        }
    }
}
