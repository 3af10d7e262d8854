package org.clutch.shop.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;

/** The sales' SQL: sales, returns and held sales with their lines and tenders, written and read back. */
final class SaleStore {

    private SaleStore() {
    }

    /** A completed sale or a held one ({@code number} and completion empty) with its lines, from the cart. */
    static void insertSale(Connection c, UUID id, String number, String status, Cart cart, Staff by, String holdLabel,
            Totals totals, Settlement settlement, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sale (id, number, status, kind, original_sale, customer_id, staff_id, hold_label, discount_kind,
                                  discount_value, subtotal_minor, discount_minor, tax_minor, total_minor, paid_minor,
                                  change_minor, created_at, completed_at, approved_by)
                VALUES (?, ?, ?, 'SALE', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, number);
            insert.setString(3, status);
            insert.setObject(4, cart.customerId());
            insert.setObject(5, by.id());
            insert.setString(6, holdLabel);
            insert.setString(7, cart.saleDiscount().isNone() ? null : cart.saleDiscount().kind().name());
            insert.setLong(8, cart.saleDiscount().value());
            insert.setLong(9, totals.subtotalMinor());
            insert.setLong(10, totals.discountMinor());
            insert.setLong(11, totals.taxMinor());
            insert.setLong(12, totals.totalMinor());
            insert.setLong(13, settlement.paidMinor());
            insert.setLong(14, settlement.changeMinor());
            insert.setTimestamp(15, Timestamp.from(now));
            insert.setTimestamp(16, "HELD".equals(status) ? null : Timestamp.from(now));
            insert.setObject(17, cart.approvedBy() == null ? null : cart.approvedBy().id());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sale_line (sale_id, line_no, part_id, part_number, description, bin, quantity, unit_price_minor,
                                       unit_cost_minor, discount_kind, discount_value, discount_minor, tax_minor, total_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < cart.lines().size(); i++) {
                CartLine line = cart.lines().get(i);
                Totals.LineTotals money = totals.lines().get(i);
                insert.setObject(1, id);
                insert.setInt(2, i + 1);
                insert.setObject(3, line.partId());
                insert.setString(4, line.partNumber());
                insert.setString(5, line.description());
                insert.setString(6, line.bin());
                insert.setInt(7, line.quantity());
                insert.setLong(8, line.unitPriceMinor());
                insert.setLong(9, line.unitCostMinor());
                insert.setString(10, line.discount().isNone() ? null : line.discount().kind().name());
                insert.setLong(11, line.discount().value());
                insert.setLong(12, money.discountMinor());
                insert.setLong(13, money.taxMinor());
                insert.setLong(14, money.totalMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A completed return against {@code original} with one line per item, priced as {@code plan} says. */
    static void insertReturn(Connection c, UUID id, String number, SaleRecord original, List<ReturnItem> items,
            RefundPlan plan, Staff by, Staff approver, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sale (id, number, status, kind, original_sale, customer_id, staff_id, subtotal_minor,
                                  discount_minor, tax_minor, total_minor, paid_minor, change_minor, created_at,
                                  completed_at, approved_by)
                VALUES (?, ?, 'COMPLETED', 'RETURN', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, number);
            insert.setObject(3, original.id());
            insert.setObject(4, original.customerId());
            insert.setObject(5, by.id());
            insert.setLong(6, plan.grossMinor());
            insert.setLong(7, plan.discountMinor());
            insert.setLong(8, plan.taxMinor());
            insert.setLong(9, plan.refundMinor());
            insert.setLong(10, plan.refundMinor());
            insert.setTimestamp(11, Timestamp.from(now));
            insert.setTimestamp(12, Timestamp.from(now));
            insert.setObject(13, approver == null ? null : approver.id());
            insert.executeUpdate();
        }
        int lineNo = 0;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sale_line (sale_id, line_no, part_id, part_number, description, bin, quantity, unit_price_minor,
                                       unit_cost_minor, discount_minor, tax_minor, total_minor, original_line_no, restock)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (ReturnItem item : items) {
                SaleRecord.Line line = original.line(item.lineNo());
                insert.setObject(1, id);
                insert.setInt(2, ++lineNo);
                insert.setObject(3, line.partId());
                insert.setString(4, line.partNumber());
                insert.setString(5, line.description());
                insert.setString(6, line.bin());
                insert.setInt(7, item.quantity());
                insert.setLong(8, line.unitPriceMinor());
                insert.setLong(9, line.unitCostMinor());
                insert.setLong(10, line.discountFor(item.quantity()));
                insert.setLong(11, line.taxFor(item.quantity()));
                insert.setLong(12, line.refundFor(item.quantity()));
                insert.setInt(13, item.lineNo());
                insert.setBoolean(14, item.restock());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insertTenders(Connection c, UUID saleId, List<Tender> tenders) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sale_tender (sale_id, tender_no, kind, amount_minor, reference) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < tenders.size(); i++) {
                insert.setObject(1, saleId);
                insert.setInt(2, i + 1);
                insert.setString(3, tenders.get(i).kind().name());
                insert.setLong(4, tenders.get(i).amountMinor());
                insert.setString(5, tenders.get(i).reference());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** @throws RuleException when the sale is no longer completed (another till voided it meanwhile) */
    static void markVoided(Connection c, SaleRecord sale, String reason, Staff manager, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE sale SET status = 'VOIDED', void_reason = ?, voided_by = ?, voided_at = ?
                 WHERE id = ? AND status = 'COMPLETED'""")) {
            update.setString(1, reason);
            update.setObject(2, manager.id());
            update.setTimestamp(3, Timestamp.from(now));
            update.setObject(4, sale.id());
            if (update.executeUpdate() != 1) {
                throw new RuleException("Sale " + sale.number() + " was changed meanwhile; look it up again.");
            }
        }
    }

    static void lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM sale WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, id);
            lock.executeQuery().close();
        }
    }

    /** The tenders of the completed returns against a sale so far. */
    static List<Tender> refundedSoFar(Connection c, UUID saleId) throws SQLException {
        List<Tender> refunded = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT t.kind, t.amount_minor, t.reference FROM sale_tender t JOIN sale r ON r.id = t.sale_id
                 WHERE r.original_sale = ? AND r.kind = 'RETURN' AND r.status = 'COMPLETED'""")) {
            select.setObject(1, saleId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    refunded.add(new Tender(Tender.Kind.valueOf(rows.getString(1)), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return refunded;
    }

    static Optional<UUID> idOf(Connection c, String number) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM sale WHERE number = ?")) {
            select.setString(1, number);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Completed sales and returns, newest first. */
    static List<UUID> recentIds(Connection c, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM sale WHERE status <> 'HELD' ORDER BY completed_at DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    static Optional<SaleRecord> load(Connection c, UUID id) throws SQLException {
        SaleRecord header;
        try (PreparedStatement select = c.prepareStatement("""
                SELECT s.number, s.kind, s.status, o.number, st.display_name, s.completed_at, s.subtotal_minor,
                       s.discount_minor, s.tax_minor, s.total_minor, s.paid_minor, s.change_minor, s.void_reason,
                       s.customer_id, cu.name, ap.display_name
                  FROM sale s JOIN staff st ON st.id = s.staff_id LEFT JOIN sale o ON o.id = s.original_sale
                  LEFT JOIN customer cu ON cu.id = s.customer_id LEFT JOIN staff ap ON ap.id = s.approved_by
                 WHERE s.id = ?""")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp completed = rows.getTimestamp(6);
                header = new SaleRecord(id, rows.getString(1), SaleRecord.Kind.valueOf(rows.getString(2)),
                        SaleRecord.Status.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                        rows.getObject(14, UUID.class), rows.getString(15), completed == null ? null : completed.toInstant(),
                        rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10), rows.getLong(11),
                        rows.getLong(12), List.of(), List.of(), rows.getString(13), rows.getString(16));
            }
        }
        Map<Integer, Integer> returned = header.kind() == SaleRecord.Kind.SALE ? returnedQuantities(c, id) : Map.of();
        List<SaleRecord.Line> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT line_no, part_id, part_number, description, bin, quantity, unit_price_minor, unit_cost_minor,
                       discount_minor, tax_minor, total_minor, restock
                  FROM sale_line WHERE sale_id = ? ORDER BY line_no""")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new SaleRecord.Line(rows.getInt(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getLong(7), rows.getLong(8),
                            rows.getLong(9), rows.getLong(10), rows.getLong(11), returned.getOrDefault(rows.getInt(1), 0),
                            (Boolean) rows.getObject(12)));
                }
            }
        }
        List<Tender> tenders = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT kind, amount_minor, reference FROM sale_tender WHERE sale_id = ? ORDER BY tender_no")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tenders.add(new Tender(Tender.Kind.valueOf(rows.getString(1)), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return Optional.of(header.withDetails(lines, tenders));
    }

    private static Map<Integer, Integer> returnedQuantities(Connection c, UUID saleId) throws SQLException {
        Map<Integer, Integer> returned = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.original_line_no, SUM(l.quantity) FROM sale_line l JOIN sale r ON r.id = l.sale_id
                 WHERE r.original_sale = ? AND r.kind = 'RETURN' AND r.status = 'COMPLETED' GROUP BY l.original_line_no""")) {
            select.setObject(1, saleId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    returned.put(rows.getInt(1), rows.getInt(2));
                }
            }
        }
        return returned;
    }
}
