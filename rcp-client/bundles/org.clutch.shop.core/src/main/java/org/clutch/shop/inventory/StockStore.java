package org.clutch.shop.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clutch.shop.common.RuleException;

/** The inventory's SQL: the stock ledger, each bin's running total, and the stock positions reports read. */
final class StockStore {

    private StockStore() {
    }

    /** Appends the movement to the ledger and adds it to its bin's running total. */
    static void append(Connection c, StockMovement movement) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO stock_movement (id, part_id, bin, quantity, reason, reference, note, staff_id, moved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, movement.id());
            insert.setObject(2, movement.partId());
            insert.setString(3, movement.bin());
            insert.setInt(4, movement.quantity());
            insert.setString(5, movement.reason().name());
            insert.setString(6, movement.reference());
            insert.setString(7, movement.note());
            insert.setObject(8, movement.staffId());
            insert.setTimestamp(9, Timestamp.from(movement.movedAt()));
            insert.executeUpdate();
        }
        try (PreparedStatement merge = c.prepareStatement("""
                MERGE INTO stock_level t USING (VALUES (CAST(? AS UUID), CAST(? AS VARCHAR(32)), CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(part_id, bin, qty, at)
                   ON t.part_id = s.part_id AND t.bin = s.bin
                 WHEN MATCHED THEN UPDATE SET on_hand = t.on_hand + s.qty, last_movement = s.at
                 WHEN NOT MATCHED THEN INSERT (part_id, bin, on_hand, last_movement) VALUES (s.part_id, s.bin, s.qty, s.at)""")) {
            merge.setObject(1, movement.partId());
            merge.setString(2, movement.bin());
            merge.setInt(3, movement.quantity());
            merge.setTimestamp(4, Timestamp.from(movement.movedAt()));
            merge.executeUpdate();
        }
    }

    /** What the books say a bin holds, locked until the transaction ends so that no other till moves it meanwhile. */
    static int lockedBin(Connection c, UUID partId, String binCode) throws SQLException {
        return inBin(c, partId, binCode, " FOR UPDATE");
    }

    /** What the books say a bin holds. */
    static int onHandInBin(Connection c, UUID partId, String binCode) throws SQLException {
        return inBin(c, partId, binCode, "");
    }

    private static int inBin(Connection c, UUID partId, String binCode, String lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT on_hand FROM stock_level WHERE part_id = ? AND bin = ?" + lock)) {
            select.setObject(1, partId);
            select.setString(2, binCode);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    static int onHand(Connection c, UUID partId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(SUM(on_hand), 0) FROM stock_level WHERE part_id = ?")) {
            select.setObject(1, partId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Stock per bin, in bin order, bins holding nothing left out. */
    static Map<String, Integer> onHandByBin(Connection c, UUID partId) throws SQLException {
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
    }

    /** The ledger of one part, newest first. */
    static List<StockMovement> ledger(Connection c, UUID partId, int limit) throws SQLException {
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
    }

    /** Each part's stock position (on hand, on order, its levels, last sale) for the parts {@code where} picks. */
    static List<StockLevel> levels(Connection c, String where, Object... parameters) throws SQLException {
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
        List<StockLevel> levels = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp lastSale = rows.getTimestamp(11);
                    levels.add(new StockLevel(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(12), rows.getInt(7),
                            rows.getInt(8), rows.getInt(9), rows.getLong(10), lastSale == null ? null : lastSale.toInstant()));
                }
            }
        }
        return levels;
    }

    static String partNumber(Connection c, UUID partId) throws SQLException {
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
