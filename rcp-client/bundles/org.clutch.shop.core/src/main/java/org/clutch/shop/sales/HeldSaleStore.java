package org.clutch.shop.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.TaxRule;

/** The held sales' SQL: carts put aside at one till, listed and taken back as carts at any till. */
final class HeldSaleStore {

    private HeldSaleStore() {
    }

    static List<HeldSale> held(Connection c) throws SQLException {
        List<HeldSale> held = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery("""
                SELECT s.id, s.hold_label, st.display_name, s.created_at,
                       (SELECT COUNT(*) FROM sale_line l WHERE l.sale_id = s.id), s.total_minor
                  FROM sale s JOIN staff st ON st.id = s.staff_id
                 WHERE s.status = 'HELD' ORDER BY s.created_at""")) {
            while (rows.next()) {
                held.add(new HeldSale(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant(), rows.getInt(5), rows.getLong(6)));
            }
        }
        return held;
    }

    /** Takes a held sale out of the held list as a cart (locked, so one till gets it, not two). */
    static Cart takeHeld(Connection c, UUID heldId, TaxRule tax) throws SQLException {
        Cart cart = new Cart(tax);
        try (PreparedStatement select = c.prepareStatement(
                "SELECT discount_kind, discount_value, customer_id FROM sale WHERE id = ? AND status = 'HELD' FOR UPDATE")) {
            select.setObject(1, heldId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new RuleException("That held sale was already recalled.");
                }
                cart.setSaleDiscount(discount(rows.getString(1), rows.getLong(2)));
                UUID customerId = rows.getObject(3, UUID.class);
                if (customerId != null) {
                    cart.setCustomer(customerId, customerName(c, customerId));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.part_id, l.part_number, l.description, l.bin, l.unit_price_minor, l.unit_cost_minor, p.taxable,
                       l.quantity, l.discount_kind, l.discount_value
                  FROM sale_line l JOIN part p ON p.id = l.part_id WHERE l.sale_id = ? ORDER BY l.line_no""")) {
            select.setObject(1, heldId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CartLine line = new CartLine(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getLong(5), rows.getLong(6), rows.getBoolean(7), rows.getInt(8));
                    line.setDiscount(discount(rows.getString(9), rows.getLong(10)));
                    cart.restore(line);
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sale WHERE id = ?")) {
            delete.setObject(1, heldId);
            delete.executeUpdate();
        }
        return cart;
    }

    private static String customerName(Connection c, UUID customerId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM customer WHERE id = ?")) {
            select.setObject(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static Discount discount(String kind, long value) {
        return kind == null ? Discount.NONE : new Discount(Discount.Kind.valueOf(kind), value);
    }
}
