package org.clutch.shop.inventory;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;


import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.staff.Staff;

/**
 * Stock as a ledger. Nothing writes {@code stock_level} but {@link #record}, which appends the movement, adds it
 * to the bin's running total and records an outbox event, all on the caller's transaction.
 */
public final class Inventory {

    private final ShopDatabase database;
    private final Clock clock;

    public Inventory(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Appends one movement on the caller's connection; sales, returns and receiving call this inside their own work. */
    public StockMovement record(Connection c, UUID partId, String bin, int quantity, StockReason reason,
            String reference, String note, Staff by) throws SQLException {
        if (quantity == 0) {
            throw new RuleException("A stock movement needs a quantity other than zero.");
        }
        String binCode = binCode(bin);
        Instant now = clock.instant();
        StockMovement movement = new StockMovement(UUID.randomUUID(), partId, binCode, quantity, reason, reference,
                note, by == null ? null : by.id(), now);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO stock_movement (id, part_id, bin, quantity, reason, reference, note, staff_id, moved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, movement.id());
            insert.setObject(2, partId);
            insert.setString(3, binCode);
            insert.setInt(4, quantity);
            insert.setString(5, reason.name());
            insert.setString(6, reference);
            insert.setString(7, note);
            insert.setObject(8, movement.staffId());
            insert.setTimestamp(9, Timestamp.from(now));
            insert.executeUpdate();
        }
        try (PreparedStatement merge = c.prepareStatement("""
                MERGE INTO stock_level t USING (VALUES (CAST(? AS UUID), CAST(? AS VARCHAR(32)), CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(part_id, bin, qty, at)
                   ON t.part_id = s.part_id AND t.bin = s.bin
                 WHEN MATCHED THEN UPDATE SET on_hand = t.on_hand + s.qty, last_movement = s.at
                 WHEN NOT MATCHED THEN INSERT (part_id, bin, on_hand, last_movement) VALUES (s.part_id, s.bin, s.qty, s.at)""")) {
            merge.setObject(1, partId);
            merge.setString(2, binCode);
            merge.setInt(3, quantity);
            merge.setTimestamp(4, Timestamp.from(now));
            merge.executeUpdate();
        }
        Outbox.record(c, "inventory.stock-moved", movement.id(), JSON.createObjectBuilder()
                .add("movementId", movement.id().toString())
                .add("partId", partId.toString())
                .add("bin", binCode)
                .add("quantity", quantity)
                .add("reason", reason.name())
                .add("reference", reference == null ? "" : reference)
                .add("note", note == null ? "" : note)
                .add("staff", by == null ? "" : by.username())
                .add("movedAt", now.toString())
                .build(), now);
        return movement;
    }

    /** A manager's correction (damage, found stock, opening balance): {@code delta} units in or out of a bin. */
    public StockMovement adjust(UUID partId, String bin, int delta, String reason, Staff by) {
        by.requireManager("adjust stock");
        if (reason == null || reason.isBlank()) {
            throw new RuleException("Say why the stock is adjusted.");
        }
        return database.inTransaction(c -> {
            if (delta < 0) {
                String binCode = binCode(bin);
                refuseBelowZero(binCode, lockedBin(c, partId, binCode), delta);
            }
            return record(c, partId, bin, delta, StockReason.ADJUSTMENT, null, reason.trim(), by);
        });
    }

    /** Refuses, before anything is asked or written, an adjustment that would take a bin below zero. */
    public void checkAdjustment(UUID partId, String bin, int delta) {
        if (delta == 0) {
            throw new RuleException("The units to adjust by are a number other than 0.");
        }
        refuseBelowZero(binCode(bin), onHandByBin(partId).getOrDefault(binCode(bin), 0), delta);
    }

    private static void refuseBelowZero(String binCode, int inBin, int delta) {
        if (inBin + delta < 0) {
            throw new RuleException("Bin " + binCode + " holds " + Math.max(0, inBin) + "; taking out " + -delta
                    + " would leave it below zero. Take out at most that, or count the bin if the books are wrong.");
        }
    }

    /** What the books say a bin holds, locked until the transaction ends so that no other till moves it meanwhile. */
    private static int lockedBin(Connection c, UUID partId, String binCode) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT on_hand FROM stock_level WHERE part_id = ? AND bin = ? FOR UPDATE")) {
            lock.setObject(1, partId);
            lock.setString(2, binCode);
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static String binCode(String bin) {
        return bin == null || bin.isBlank() ? "MAIN" : bin.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Moves units from one bin to another: two movements that add up to nothing. A bin cannot give more than the
     * books say it holds (a sale may go below zero after asking; a move between shelves has no reason to).
     */
    public void transfer(UUID partId, String fromBin, String toBin, int quantity, Staff by) {
        if (quantity <= 0) {
            throw new RuleException("Transfer a positive quantity.");
        }
        if (fromBin.trim().equalsIgnoreCase(toBin.trim())) {
            throw new RuleException("Choose two different bins.");
        }
        database.inTransaction(c -> {
            String from = binCode(fromBin);
            int inBin = lockedBin(c, partId, from);
            if (quantity > inBin) {
                throw new RuleException("Bin " + from + " holds " + Math.max(0, inBin) + "; move at most that.");
            }
            String reference = "TRF " + from + "→" + toBin.trim().toUpperCase(Locale.ROOT);
            record(c, partId, fromBin, -quantity, StockReason.TRANSFER, reference, null, by);
            record(c, partId, toBin, quantity, StockReason.TRANSFER, reference, null, by);
            return null;
        });
    }

    public int onHand(UUID partId) {
        return database.read(c -> onHand(c, partId));
    }

    public static int onHand(Connection c, UUID partId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(SUM(on_hand), 0) FROM stock_level WHERE part_id = ?")) {
            select.setObject(1, partId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Stock per bin, in bin order. */
    public Map<String, Integer> onHandByBin(UUID partId) {
        return database.read(c -> {
            Map<String, Integer> bins = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT bin, on_hand FROM stock_level WHERE part_id = ? AND on_hand <> 0 ORDER BY bin")) {
                select.setObject(1, partId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        bins.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            return bins;
        });
    }

    /** The ledger of one part, newest first. */
    public List<StockMovement> ledger(UUID partId, int limit) {
        return database.read(c -> {
            List<StockMovement> movements = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, part_id, bin, quantity, reason, reference, note, staff_id, moved_at
                      FROM stock_movement WHERE part_id = ? ORDER BY seq DESC LIMIT ?""")) {
                select.setObject(1, partId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        movements.add(new StockMovement(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                rows.getString(3), rows.getInt(4), StockReason.valueOf(rows.getString(5)),
                                rows.getString(6), rows.getString(7), rows.getObject(8, UUID.class),
                                rows.getTimestamp(9).toInstant()));
                    }
                }
            }
            return movements;
        });
    }

    /** Parts at or below their reorder point or minimum, with the quantity to order. */
    public List<StockLevel> lowStock() {
        return levels("WHERE p.active AND ((p.reorder_point > 0 AND COALESCE(l.on_hand, 0) <= p.reorder_point) OR COALESCE(l.on_hand, 0) < p.min_qty)"
                + " ORDER BY p.category, p.part_number");
    }

    /** Parts with stock on the shelf and no sale for {@code days} days (never sold counts as no sale). */
    public List<StockLevel> deadStock(int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return levels("WHERE p.active AND COALESCE(l.on_hand, 0) > 0 AND (ls.last_sale IS NULL OR ls.last_sale < ?)"
                + " ORDER BY COALESCE(l.on_hand, 0) * p.cost_minor DESC", Timestamp.from(since));
    }

    private List<StockLevel> levels(String where, Object... parameters) {
        String sql = """
                SELECT p.id, p.part_number, p.brand, p.name, p.category, COALESCE(l.on_hand, 0), p.min_qty, p.max_qty,
                       p.reorder_point, p.cost_minor, ls.last_sale, COALESCE(oo.on_order, 0)
                  FROM part p
                  LEFT JOIN (SELECT part_id, SUM(on_hand) AS on_hand FROM stock_level GROUP BY part_id) l ON l.part_id = p.id
                  LEFT JOIN (SELECT ol.part_id, SUM(ol.quantity_ordered - ol.quantity_received) AS on_order
                               FROM purchase_order_line ol JOIN purchase_order o ON o.id = ol.purchase_order_id
                              WHERE o.status IN ('DRAFT', 'APPROVED', 'SENT', 'PARTIALLY_RECEIVED')
                              GROUP BY ol.part_id) oo ON oo.part_id = p.id
                  LEFT JOIN (SELECT part_id, MAX(moved_at) AS last_sale FROM stock_movement WHERE reason = 'SALE' GROUP BY part_id) ls
                         ON ls.part_id = p.id
                """ + where;
        return database.read(c -> {
            List<StockLevel> levels = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    Timestamp lastSale = rows.getTimestamp(11);
                    levels.add(new StockLevel(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(12), rows.getInt(7),
                            rows.getInt(8), rows.getInt(9), rows.getLong(10), lastSale == null ? null : lastSale.toInstant()));
                }
            }
            return levels;
        });
    }

    /**
     * Applies a stock count: for each counted part and bin, a COUNT movement of the difference between what was
     * found and the books, all in one transaction. Returns every line with its variance (zero ones included).
     */
    public List<CountLine> applyCount(Map<UUID, Map<String, Integer>> counted, Staff by) {
        return database.inTransaction(c -> {
            List<CountLine> lines = new ArrayList<>();
            for (Map.Entry<UUID, Map<String, Integer>> part : counted.entrySet()) {
                String partNumber = partNumber(c, part.getKey());
                for (Map.Entry<String, Integer> bin : part.getValue().entrySet()) {
                    if (bin.getValue() == null || bin.getValue() < 0) {
                        throw new RuleException("A count for " + partNumber + " in " + bin.getKey() + " must be 0 or more.");
                    }
                    String binCode = bin.getKey().trim().toUpperCase(Locale.ROOT);
                    int expected = onHandInBin(c, part.getKey(), binCode);
                    CountLine line = new CountLine(part.getKey(), partNumber, binCode, expected, bin.getValue());
                    if (line.variance() != 0) {
                        record(c, part.getKey(), binCode, line.variance(), StockReason.COUNT, "COUNT",
                                "counted " + line.counted() + ", books " + expected, by);
                    }
                    lines.add(line);
                }
            }
            return lines;
        });
    }

    private static int onHandInBin(Connection c, UUID partId, String bin) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT on_hand FROM stock_level WHERE part_id = ? AND bin = ?")) {
            select.setObject(1, partId);
            select.setString(2, bin);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static String partNumber(Connection c, UUID partId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT part_number FROM part WHERE id = ?")) {
            select.setObject(1, partId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new RuleException("A counted part is not in the catalog.");
                }
                return rows.getString(1);
            }
        }
    }
}
