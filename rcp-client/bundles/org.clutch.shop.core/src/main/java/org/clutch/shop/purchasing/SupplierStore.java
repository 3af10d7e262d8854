package org.clutch.shop.purchasing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clutch.shop.common.ContactDetails;

/** The suppliers' SQL: suppliers and what each sells us. */
final class SupplierStore {

    private static final String SUPPLIER_PART = """
            SELECT sp.supplier_id, s.name, sp.part_id, p.part_number, p.name, sp.supplier_part_number, sp.cost_minor,
                   COALESCE(sp.lead_time_days, s.lead_time_days), sp.pack_quantity, sp.preferred
              FROM supplier_part sp JOIN supplier s ON s.id = sp.supplier_id JOIN part p ON p.id = sp.part_id
            """;

    private SupplierStore() {
    }

    /** True when another supplier already has this name (case ignored). */
    static boolean nameTaken(Connection c, Supplier supplier) throws SQLException {
        try (PreparedStatement taken = c.prepareStatement("SELECT id FROM supplier WHERE name_key = ? AND id <> ?")) {
            taken.setString(1, supplier.name().toUpperCase(Locale.ROOT));
            taken.setObject(2, supplier.id());
            try (ResultSet rows = taken.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void save(Connection c, Supplier supplier, Instant now) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("""
                MERGE INTO supplier (id, name, name_key, contact, phone, email, lead_time_days, active, created_at, updated_at)
                KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT created_at FROM supplier WHERE id = ?), ?), ?)""")) {
            merge.setObject(1, supplier.id());
            merge.setString(2, supplier.name());
            merge.setString(3, supplier.name().toUpperCase(Locale.ROOT));
            merge.setString(4, ContactDetails.optional(supplier.contact()));
            merge.setString(5, ContactDetails.optional(supplier.phone()));
            merge.setString(6, ContactDetails.optional(supplier.email()));
            merge.setInt(7, supplier.leadTimeDays());
            merge.setBoolean(8, supplier.active());
            merge.setObject(9, supplier.id());
            merge.setTimestamp(10, Timestamp.from(now));
            merge.setTimestamp(11, Timestamp.from(now));
            merge.executeUpdate();
        }
    }

    static List<Supplier> all(Connection c) throws SQLException {
        List<Supplier> suppliers = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery(
                "SELECT id, name, contact, phone, email, lead_time_days, active FROM supplier ORDER BY name_key")) {
            while (rows.next()) {
                suppliers.add(new Supplier(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6), rows.getBoolean(7)));
            }
        }
        return suppliers;
    }

    /** Whether the supplier is active; null when there is no such supplier. */
    static Boolean active(Connection c, UUID supplierId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT active FROM supplier WHERE id = ?")) {
            select.setObject(1, supplierId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBoolean(1) : null;
            }
        }
    }

    /** Records what a supplier charges for a part; a preferred source replaces the part's previous one. */
    static void savePart(Connection c, SupplierPart source) throws SQLException {
        if (source.preferred()) {
            try (PreparedStatement clear = c.prepareStatement("UPDATE supplier_part SET preferred = FALSE WHERE part_id = ?")) {
                clear.setObject(1, source.partId());
                clear.executeUpdate();
            }
        }
        try (PreparedStatement merge = c.prepareStatement("""
                MERGE INTO supplier_part (supplier_id, part_id, supplier_part_number, cost_minor, lead_time_days,
                                          pack_quantity, preferred)
                KEY (supplier_id, part_id) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            merge.setObject(1, source.supplierId());
            merge.setObject(2, source.partId());
            merge.setString(3, source.supplierPartNumber());
            merge.setLong(4, source.costMinor());
            merge.setObject(5, source.leadTimeDays());
            merge.setInt(6, source.packQuantity());
            merge.setBoolean(7, source.preferred());
            merge.executeUpdate();
        }
    }

    static List<SupplierPart> partsOf(Connection c, UUID supplierId) throws SQLException {
        return supplierParts(c, " WHERE sp.supplier_id = ? ORDER BY p.part_number", supplierId);
    }

    /** Who sells a part: preferred first, then cheapest. */
    static List<SupplierPart> sourcesOf(Connection c, UUID partId) throws SQLException {
        return supplierParts(c, " WHERE sp.part_id = ? AND s.active ORDER BY sp.preferred DESC, sp.cost_minor, s.name", partId);
    }

    private static List<SupplierPart> supplierParts(Connection c, String where, UUID parameter) throws SQLException {
        List<SupplierPart> parts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SUPPLIER_PART + where)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.add(new SupplierPart(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7), rows.getInt(8),
                            rows.getInt(9), rows.getBoolean(10)));
                }
            }
        }
        return parts;
    }
}
