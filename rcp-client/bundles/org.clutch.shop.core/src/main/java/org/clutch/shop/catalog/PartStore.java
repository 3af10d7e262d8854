package org.clutch.shop.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.HybridClock;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.headoffice.FieldStamps;

/** The catalog's SQL: a part's row with its cross-references, fitment and search words, written and read back. */
final class PartStore {

    /** What a search hit shows, read from a part row named {@code p}. */
    static final String SUMMARY = """
            SELECT p.id, p.part_number, p.brand, p.name, p.category, p.barcode, p.price_minor, p.cost_minor, p.taxable,
                   p.default_bin, COALESCE((SELECT SUM(s.on_hand) FROM stock_level s WHERE s.part_id = p.id), 0)
              FROM part p\s""";

    private PartStore() {
    }

    static void insert(Connection c, Part part, Map<String, Long> stamps, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO part (id, part_number, number_key, brand, name, category, barcode, cost_minor, price_minor,
                                  taxable, default_bin, min_qty, max_qty, reorder_point, search_words, created_at,
                                  updated_at, field_stamps, last_stamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            bind(insert, part);
            insert.setTimestamp(16, Timestamp.from(now));
            insert.setTimestamp(17, Timestamp.from(now));
            insert.setString(18, FieldStamps.json(stamps).build().toString());
            insert.setLong(19, FieldStamps.latest(stamps));
            insert.executeUpdate();
        }
        writeDetails(c, part);
    }

    /** Replaces an existing part's row, cross-references, fitments and words. */
    static void overwrite(Connection c, Part part, Map<String, Long> stamps, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE part SET id = ?, part_number = ?, number_key = ?, brand = ?, name = ?, category = ?, barcode = ?,
                                cost_minor = ?, price_minor = ?, taxable = ?, default_bin = ?, min_qty = ?, max_qty = ?,
                                reorder_point = ?, search_words = ?, updated_at = ?, field_stamps = ?, last_stamp = ?
                 WHERE id = ?""")) {
            bind(update, part);
            update.setTimestamp(16, Timestamp.from(now));
            update.setString(17, FieldStamps.json(stamps).build().toString());
            update.setLong(18, FieldStamps.latest(stamps));
            update.setObject(19, part.id());
            update.executeUpdate();
        }
        for (String table : List.of("part_cross_reference", "part_fitment", "part_word")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE part_id = ?")) {
                delete.setObject(1, part.id());
                delete.executeUpdate();
            }
        }
        writeDetails(c, part);
    }

    /** A part's shared field values and their stamps, locked for the caller's change. */
    record Stamped(Map<String, Object> values, Map<String, Long> stamps) {
    }

    static Stamped stamped(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT part_number, brand, name, category, barcode, cost_minor, price_minor, taxable, field_stamps, updated_at
                  FROM part WHERE id = ? FOR UPDATE""")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RuleException("That part no longer exists.");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                values.put(CatalogFields.PART_NUMBER, row.getString(1));
                values.put(CatalogFields.BRAND, row.getString(2));
                values.put(CatalogFields.NAME, row.getString(3));
                values.put(CatalogFields.CATEGORY, row.getString(4));
                values.put(CatalogFields.BARCODE, row.getString(5));
                values.put(CatalogFields.COST, row.getLong(6));
                values.put(CatalogFields.PRICE, row.getLong(7));
                values.put(CatalogFields.TAXABLE, row.getBoolean(8));
                return new Stamped(values, FieldStamps.read(row.getString(9), CatalogFields.ALL,
                        HybridClock.of(row.getTimestamp(10).toInstant())));
            }
        }
    }

    static Optional<Part> get(Connection c, UUID id) throws SQLException {
        Optional<PartSummary> summary = summary(c, id);
        return summary.isEmpty() ? Optional.empty() : Optional.of(load(c, summary.get()));
    }

    static Optional<PartSummary> summary(Connection c, UUID id) throws SQLException {
        return summaries(c, SUMMARY + " WHERE p.id = ?", List.of(id), 1).stream().findFirst();
    }

    /** The id of the part with this brand (case ignored) and number key. */
    static Optional<UUID> findId(Connection c, String brand, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM part WHERE number_key = ? AND UPPER(brand) = UPPER(?)")) {
            select.setString(1, key);
            select.setString(2, brand);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** The number of another part that already has this part's barcode, if one has. */
    static Optional<String> barcodeHolder(Connection c, Part part) throws SQLException {
        if (part.storedBarcode() == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT part_number FROM part WHERE barcode = ? AND id <> ?")) {
            select.setString(1, part.storedBarcode());
            select.setObject(2, part.id());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    static List<PartSummary> summaries(Connection c, String sql, List<?> parameters, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql + " LIMIT " + Math.max(1, limit))) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<PartSummary> parts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.add(new PartSummary(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8),
                            rows.getBoolean(9), rows.getString(10), rows.getInt(11)));
                }
            }
            return parts;
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static int countActive(Connection c) throws SQLException {
        try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM part WHERE active")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Every active part with its cross-references and fitment, in id order, read in three ordered passes rather
     * than three queries per part, so that exporting a large catalog stays quick.
     */
    static void forEachPart(Connection c, Consumer<Part> action) throws SQLException {
        try (var parts = c.createStatement(); var references = c.createStatement(); var fitments = c.createStatement();
                ResultSet p = parts.executeQuery("""
                        SELECT id, part_number, brand, name, category, barcode, cost_minor, price_minor, taxable,
                               default_bin, min_qty, max_qty, reorder_point
                          FROM part WHERE active ORDER BY id""");
                ResultSet x = references.executeQuery("""
                        SELECT x.part_id, x.kind, x.brand, x.number FROM part_cross_reference x
                          JOIN part p ON p.id = x.part_id WHERE p.active ORDER BY x.part_id, x.kind, x.brand, x.number""");
                ResultSet f = fitments.executeQuery("""
                        SELECT f.part_id, f.make, f.model, f.year_from, f.year_to, f.engine FROM part_fitment f
                          JOIN part p ON p.id = f.part_id WHERE p.active ORDER BY f.part_id, f.make, f.model, f.year_from""")) {
            // H2 orders UUIDs as unsigned bytes, which is the order of their text, not of UUID.compareTo
            boolean moreReferences = x.next();
            boolean moreFitments = f.next();
            while (p.next()) {
                UUID id = p.getObject(1, UUID.class);
                List<CrossReference> partReferences = new ArrayList<>();
                while (moreReferences && x.getObject(1, UUID.class).toString().compareTo(id.toString()) <= 0) {
                    if (x.getObject(1, UUID.class).equals(id)) {
                        partReferences.add(new CrossReference(CrossReference.Kind.valueOf(x.getString(2)),
                                x.getString(3), x.getString(4)));
                    }
                    moreReferences = x.next();
                }
                List<Fitment> partFitments = new ArrayList<>();
                while (moreFitments && f.getObject(1, UUID.class).toString().compareTo(id.toString()) <= 0) {
                    if (f.getObject(1, UUID.class).equals(id)) {
                        partFitments.add(new Fitment(f.getString(2), f.getString(3), f.getInt(4), f.getInt(5),
                                f.getString(6)));
                    }
                    moreFitments = f.next();
                }
                action.accept(new Part(id, p.getString(2), p.getString(3), p.getString(4), p.getString(5),
                        p.getString(6), p.getLong(7), p.getLong(8), p.getBoolean(9), p.getString(10), p.getInt(11),
                        p.getInt(12), p.getInt(13), partReferences, partFitments));
            }
        }
    }

    private static void bind(PreparedStatement statement, Part part) throws SQLException {
        statement.setObject(1, part.id());
        statement.setString(2, part.partNumber().trim());
        statement.setString(3, Part.numberKey(part.partNumber()));
        statement.setString(4, part.brand().trim());
        statement.setString(5, part.name().trim());
        statement.setString(6, part.category().trim());
        statement.setString(7, part.storedBarcode());
        statement.setLong(8, part.costMinor());
        statement.setLong(9, part.priceMinor());
        statement.setBoolean(10, part.taxable());
        statement.setString(11, part.storedBin());
        statement.setInt(12, part.minQty());
        statement.setInt(13, part.maxQty());
        statement.setInt(14, part.reorderPoint());
        statement.setString(15, " " + String.join(" ", part.searchWords()) + " ");
    }

    private static void writeDetails(Connection c, Part part) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "MERGE INTO part_cross_reference (part_id, kind, brand, number, number_key) KEY (part_id, brand, number_key) VALUES (?, ?, ?, ?, ?)")) {
            for (CrossReference x : part.crossReferences()) {
                insert.setObject(1, part.id());
                insert.setString(2, x.kind().name());
                insert.setString(3, x.brand().trim());
                insert.setString(4, x.number().trim());
                insert.setString(5, Part.numberKey(x.number()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO part_fitment (part_id, make, model, year_from, year_to, engine) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Fitment f : part.fitments()) {
                insert.setObject(1, part.id());
                insert.setString(2, f.make().trim().toUpperCase(Locale.ROOT));
                insert.setString(3, f.model().trim().toUpperCase(Locale.ROOT));
                insert.setInt(4, f.yearFrom());
                insert.setInt(5, f.yearTo());
                insert.setString(6, f.engine() == null ? "" : f.engine().trim());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO part_word (word, part_id) VALUES (?, ?)")) {
            for (String word : part.searchWords()) {
                insert.setString(1, word);
                insert.setObject(2, part.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Part load(Connection c, PartSummary s) throws SQLException {
        List<CrossReference> references = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT kind, brand, number FROM part_cross_reference WHERE part_id = ? ORDER BY kind, brand, number")) {
            select.setObject(1, s.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    references.add(new CrossReference(CrossReference.Kind.valueOf(rows.getString(1)), rows.getString(2),
                            rows.getString(3)));
                }
            }
        }
        List<Fitment> fitments = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT make, model, year_from, year_to, engine FROM part_fitment WHERE part_id = ? ORDER BY make, model, year_from")) {
            select.setObject(1, s.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fitments.add(new Fitment(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4),
                            rows.getString(5)));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT min_qty, max_qty, reorder_point FROM part WHERE id = ?")) {
            select.setObject(1, s.id());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Part(s.id(), s.partNumber(), s.brand(), s.name(), s.category(), s.barcode(), s.costMinor(),
                        s.priceMinor(), s.taxable(), s.defaultBin(), rows.getInt(1), rows.getInt(2), rows.getInt(3),
                        references, fitments);
            }
        }
    }
}
