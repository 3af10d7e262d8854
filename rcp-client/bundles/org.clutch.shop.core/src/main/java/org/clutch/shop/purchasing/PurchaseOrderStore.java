package org.clutch.shop.purchasing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.common.ContactDetails;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.purchasing.PurchaseOrder.Status;
import org.clutch.shop.staff.Staff;

/** The purchase orders' SQL: orders and their lines, written and read back, and the supplier's answers kept on them. */
final class PurchaseOrderStore {

    static final String ORDER = """
            SELECT o.id, o.number, o.supplier_id, s.name, o.status, o.expected_on, o.note, cb.display_name, o.created_at,
                   ab.display_name, o.cancel_reason, o.supplier_status, o.supplier_note, o.supplier_ships_on,
                   o.supplier_carrier, o.supplier_tracking, o.supplier_answered_at
              FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id JOIN staff cb ON cb.id = o.created_by
              LEFT JOIN staff ab ON ab.id = o.approved_by
            """;

    private PurchaseOrderStore() {
    }

    static void insert(Connection c, UUID id, String number, UUID supplierId, String note, boolean suggested, Staff by,
            Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO purchase_order (id, number, supplier_id, status, note, created_by, created_at, suggested)
                VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, number);
            insert.setObject(3, supplierId);
            insert.setString(4, ContactDetails.optional(note));
            insert.setObject(5, by.id());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setBoolean(7, suggested);
            insert.executeUpdate();
        }
    }

    /**
     * Writes an order's lines (after any it had); a line without a cost takes the supplier's cost for the part, else
     * the part's cost.
     */
    static void replaceLines(Connection c, UUID orderId, UUID supplierId, List<OrderLine> lines) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM purchase_order_line WHERE purchase_order_id = ?")) {
            delete.setObject(1, orderId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO purchase_order_line (purchase_order_id, line_no, part_id, supplier_part_number, quantity_ordered,
                                                 unit_cost_minor)
                VALUES (?, ?, ?, ?, ?, ?)""");
                PreparedStatement source = c.prepareStatement("""
                        SELECT sp.supplier_part_number, sp.cost_minor, p.cost_minor
                          FROM part p LEFT JOIN supplier_part sp ON sp.part_id = p.id AND sp.supplier_id = ?
                         WHERE p.id = ?""")) {
            int lineNo = 0;
            for (OrderLine line : lines) {
                String supplierNumber;
                Long cost = line.unitCostMinor();
                source.setObject(1, supplierId);
                source.setObject(2, line.partId());
                try (ResultSet rows = source.executeQuery()) {
                    if (!rows.next()) {
                        throw new RuleException("A part on the order is not in the catalog.");
                    }
                    supplierNumber = rows.getString(1);
                    if (cost == null) {
                        cost = rows.getObject(2) != null ? rows.getLong(2) : rows.getLong(3);
                    }
                }
                insert.setObject(1, orderId);
                insert.setInt(2, ++lineNo);
                insert.setObject(3, line.partId());
                insert.setString(4, supplierNumber);
                insert.setInt(5, line.quantity());
                insert.setLong(6, cost);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void setApproved(Connection c, UUID orderId, Staff manager, Instant now) throws SQLException {
        update(c, "UPDATE purchase_order SET approved_by = ?, approved_at = ? WHERE id = ?", manager.id(),
                Timestamp.from(now), orderId);
    }

    static void setSent(Connection c, UUID orderId, Instant now, LocalDate expectedOn) throws SQLException {
        update(c, "UPDATE purchase_order SET sent_at = ?, expected_on = ? WHERE id = ?", Timestamp.from(now),
                Date.valueOf(expectedOn), orderId);
    }

    static void setCancelled(Connection c, UUID orderId, String reason, Instant now) throws SQLException {
        update(c, "UPDATE purchase_order SET closed_at = ?, cancel_reason = ? WHERE id = ?", Timestamp.from(now),
                ContactDetails.optional(reason), orderId);
    }

    static void setStatus(Connection c, UUID orderId, Status next, Instant now) throws SQLException {
        update(c, "UPDATE purchase_order SET status = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?",
                next.name(), next == Status.RECEIVED, Timestamp.from(now), orderId);
    }

    static void addReceived(Connection c, UUID orderId, int lineNo, int quantity) throws SQLException {
        update(c, "UPDATE purchase_order_line SET quantity_received = quantity_received + ? WHERE purchase_order_id = ? AND line_no = ?",
                quantity, orderId, lineNo);
    }

    /** The part's last cost: what it was last bought for. */
    static void setPartCost(Connection c, UUID partId, long costMinor, Instant now) throws SQLException {
        update(c, "UPDATE part SET cost_minor = ?, updated_at = ? WHERE id = ?", costMinor, Timestamp.from(now), partId);
    }

    static void keepSupplierAnswer(Connection c, UUID orderId, SupplierAnswer kept) throws SQLException {
        update(c, """
                UPDATE purchase_order SET supplier_status = ?, supplier_note = ?, supplier_ships_on = ?, supplier_carrier = ?,
                       supplier_tracking = ?, supplier_answered_at = ? WHERE id = ?""", kept.status().name(), kept.note(),
                kept.shipsOn() == null ? null : Date.valueOf(kept.shipsOn()), kept.carrier(), kept.trackingNumber(),
                Timestamp.from(kept.at()), orderId);
    }

    /** The order, locked for the caller's change. */
    static PurchaseOrder lock(Connection c, UUID orderId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM purchase_order WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, orderId);
            lock.executeQuery().close();
        }
        return load(c, orderId).orElseThrow(() -> new RuleException("That purchase order does not exist."));
    }

    /** The longest lead time of the order's lines: the part's own with this supplier, else the supplier's. */
    static int longestLeadTime(Connection c, UUID orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT COALESCE(MAX(COALESCE(sp.lead_time_days, s.lead_time_days)), MAX(s.lead_time_days))
                  FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id
                  JOIN purchase_order_line l ON l.purchase_order_id = o.id
                  LEFT JOIN supplier_part sp ON sp.supplier_id = o.supplier_id AND sp.part_id = l.part_id
                 WHERE o.id = ?""")) {
            select.setObject(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    static String defaultBin(Connection c, UUID partId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT default_bin FROM part WHERE id = ?")) {
            select.setObject(1, partId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    static Optional<PurchaseOrder> load(Connection c, UUID id) throws SQLException {
        return orders(c, ORDER + " WHERE o.id = ?", id).stream().findFirst();
    }

    static List<PurchaseOrder> orders(Connection c, String sql, Object parameter) throws SQLException {
        List<PurchaseOrder> headers = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Date expected = rows.getDate(6);
                    headers.add(new PurchaseOrder(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getString(4), Status.valueOf(rows.getString(5)),
                            expected == null ? null : expected.toLocalDate(), rows.getString(7), rows.getString(8),
                            rows.getTimestamp(9).toInstant(), rows.getString(10), rows.getString(11), supplierAnswer(rows),
                            List.of()));
                }
            }
        }
        List<PurchaseOrder> orders = new ArrayList<>();
        for (PurchaseOrder header : headers) {
            List<PurchaseOrder.Line> lines = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT l.line_no, l.part_id, p.part_number, p.name, l.supplier_part_number, l.quantity_ordered,
                           l.quantity_received, l.unit_cost_minor
                      FROM purchase_order_line l JOIN part p ON p.id = l.part_id
                     WHERE l.purchase_order_id = ? ORDER BY l.line_no""")) {
                select.setObject(1, header.id());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new PurchaseOrder.Line(rows.getInt(1), rows.getObject(2, UUID.class), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getLong(8)));
                    }
                }
            }
            orders.add(new PurchaseOrder(header.id(), header.number(), header.supplierId(), header.supplierName(),
                    header.status(), header.expectedOn(), header.note(), header.createdBy(), header.createdAt(),
                    header.approvedBy(), header.cancelReason(), header.supplierAnswer(), lines));
        }
        return orders;
    }

    private static SupplierAnswer supplierAnswer(ResultSet rows) throws SQLException {
        if (rows.getString(12) == null) {
            return null;
        }
        Date shipsOn = rows.getDate(14);
        return new SupplierAnswer(SupplierAnswer.Status.valueOf(rows.getString(12)), rows.getString(13),
                shipsOn == null ? null : shipsOn.toLocalDate(), rows.getString(15), rows.getString(16),
                rows.getTimestamp(17).toInstant());
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }
}
