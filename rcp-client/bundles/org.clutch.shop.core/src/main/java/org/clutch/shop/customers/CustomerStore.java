package org.clutch.shop.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.shop.common.ContactDetails;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.headoffice.FieldStamps;
import org.clutch.shop.staff.Staff;

/** The customers' SQL: customers with their vehicles, their account entries, their history. */
final class CustomerStore {

    private CustomerStore() {
    }

    /** Inserts ({@code isNew}) or updates the customer's row and replaces its vehicles; the balance is not written. */
    static void write(Connection c, Customer customer, boolean isNew, Map<String, Long> stamps, Instant now)
            throws SQLException {
        String sql = isNew ? """
                INSERT INTO customer (name, name_key, phone, email, tax_number, credit_limit_minor, note, updated_at,
                                      field_stamps, last_stamp, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" : """
                UPDATE customer SET name = ?, name_key = ?, phone = ?, email = ?, tax_number = ?, credit_limit_minor = ?,
                                    note = ?, updated_at = ?, field_stamps = ?, last_stamp = ? WHERE id = ?""";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, customer.name());
            write.setString(2, customer.name().toUpperCase(Locale.ROOT));
            write.setString(3, ContactDetails.optional(customer.phone()));
            write.setString(4, ContactDetails.optional(customer.email()));
            write.setString(5, ContactDetails.optional(customer.taxNumber()));
            write.setLong(6, customer.creditLimitMinor());
            write.setString(7, ContactDetails.optional(customer.note()));
            write.setTimestamp(8, Timestamp.from(now));
            write.setString(9, FieldStamps.json(stamps).build().toString());
            write.setLong(10, FieldStamps.latest(stamps));
            write.setObject(11, customer.id());
            if (isNew) {
                write.setTimestamp(12, Timestamp.from(now));
            }
            write.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM customer_vehicle WHERE customer_id = ?")) {
            delete.setObject(1, customer.id());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer_vehicle (id, customer_id, make, model, model_year, engine, vin, plate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (CustomerVehicle vehicle : customer.vehicles()) {
                insert.setObject(1, vehicle.id());
                insert.setObject(2, customer.id());
                insert.setString(3, vehicle.make());
                insert.setString(4, vehicle.model());
                insert.setInt(5, vehicle.year());
                insert.setString(6, vehicle.engine());
                insert.setString(7, vehicle.vin());
                insert.setString(8, vehicle.plate());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A customer's shared values and their stamps, locked for the caller's change; empty for a new one. */
    record Stamped(Customer customer, Map<String, Object> values, Map<String, Long> stamps) {
    }

    static Optional<Stamped> stamped(Connection c, UUID id) throws SQLException {
        String storedStamps;
        Instant createdAt;
        try (PreparedStatement select = c.prepareStatement("SELECT field_stamps, created_at FROM customer WHERE id = ? FOR UPDATE")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                storedStamps = row.getString(1);
                createdAt = row.getTimestamp(2).toInstant();
            }
        }
        Customer customer = load(c, id).orElseThrow();
        // every customer has stamps since V11 (which gave those saved before it their last save's); not updated_at,
        // which a sale on account moves too
        return Optional.of(new Stamped(customer, customer.sharedValues(),
                FieldStamps.read(storedStamps, CustomerFields.ALL, HybridClock.of(createdAt))));
    }

    /**
     * Writes head office's values of the fields it may change ({@link CustomerFields#EDITABLE_CENTRALLY}) and the
     * stamps after the merge, the vehicles and the account as they are.
     */
    static void overwrite(Connection c, UUID id, Map<String, Object> values, Map<String, Long> stamps, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE customer SET name = ?, name_key = ?, phone = ?, email = ?, credit_limit_minor = ?, updated_at = ?,
                                    field_stamps = ?, last_stamp = ? WHERE id = ? AND erased_at IS NULL""")) {
            String name = (String) values.get(CustomerFields.NAME);
            update.setString(1, name);
            update.setString(2, name.toUpperCase(Locale.ROOT));
            update.setString(3, (String) values.get(CustomerFields.PHONE));
            update.setString(4, (String) values.get(CustomerFields.EMAIL));
            update.setLong(5, (Long) values.get(CustomerFields.CREDIT_LIMIT));
            update.setTimestamp(6, Timestamp.from(now));
            update.setString(7, FieldStamps.json(stamps).build().toString());
            update.setLong(8, FieldStamps.latest(stamps));
            update.setObject(9, id);
            update.executeUpdate();
        }
    }

    /** Appends an account entry and moves the balance by {@code signedAmount}. */
    static void addEntry(Connection c, UUID customerId, AccountEntry.Kind kind, long signedAmount, String reference,
            Staff by, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer_account_entry (id, customer_id, kind, amount_minor, reference, staff_id, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, customerId);
            insert.setString(3, kind.name());
            insert.setLong(4, signedAmount);
            insert.setString(5, reference);
            insert.setObject(6, by == null ? null : by.id());
            insert.setTimestamp(7, Timestamp.from(at));
            insert.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE customer SET balance_minor = balance_minor + ?, updated_at = ? WHERE id = ?")) {
            update.setLong(1, signedAmount);
            update.setTimestamp(2, Timestamp.from(at));
            update.setObject(3, customerId);
            update.executeUpdate();
        }
    }

    static Customer lock(Connection c, UUID customerId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM customer WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, customerId);
            lock.executeQuery().close();
        }
        return load(c, customerId).orElseThrow(() -> new RuleException("That customer does not exist."));
    }

    /** Whether the customer was erased at their request. */
    static boolean isErased(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT erased_at FROM customer WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getTimestamp(1) != null;
            }
        }
    }

    /** Marks the customer erased and clears what the shared fields do not hold (tax number, note). */
    static void markErased(Connection c, UUID id, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE customer SET erased_at = ?, tax_number = NULL, note = NULL, updated_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    /** By the start of the name or of any word in it, by phone number, or by a vehicle's plate or VIN. */
    static List<UUID> search(Connection c, String query, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT c.id FROM customer c
                 WHERE c.erased_at IS NULL
                   AND (? = '' OR c.name_key LIKE ? OR c.name_key LIKE ? OR REPLACE(c.phone, ' ', '') LIKE ?
                        OR c.id IN (SELECT v.customer_id FROM customer_vehicle v
                                     WHERE REPLACE(v.plate, ' ', '') = ? OR v.vin = ?))
                 ORDER BY c.name_key LIMIT ?""")) {
            String compact = query.replace(" ", "");
            select.setString(1, query);
            select.setString(2, query + "%");
            select.setString(3, "% " + query + "%");
            select.setString(4, compact.isEmpty() ? "" : "%" + compact + "%");
            select.setString(5, compact);
            select.setString(6, query);
            select.setInt(7, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    static List<PurchaseHistoryLine> history(Connection c, UUID customerId, int limit) throws SQLException {
        List<PurchaseHistoryLine> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT s.number, s.kind, s.status, s.completed_at,
                       (SELECT COALESCE(SUM(l.quantity), 0) FROM sale_line l WHERE l.sale_id = s.id), s.total_minor
                  FROM sale s WHERE s.customer_id = ? AND s.status <> 'HELD' ORDER BY s.completed_at DESC, s.number DESC LIMIT ?""")) {
            select.setObject(1, customerId);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new PurchaseHistoryLine(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getInt(5), rows.getLong(6)));
                }
            }
        }
        return lines;
    }

    /** The account statement, newest first, with the balance after each entry. */
    static List<AccountEntry> statement(Connection c, UUID customerId, int limit) throws SQLException {
        List<AccountEntry> entries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT e.kind, e.amount_minor, e.reference, s.display_name, e.entered_at,
                       SUM(e.amount_minor) OVER (ORDER BY e.seq)
                  FROM customer_account_entry e LEFT JOIN staff s ON s.id = e.staff_id
                 WHERE e.customer_id = ? ORDER BY e.seq DESC LIMIT ?""")) {
            select.setObject(1, customerId);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AccountEntry(AccountEntry.Kind.valueOf(rows.getString(1)), rows.getLong(2),
                            rows.getString(3), rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getLong(6)));
                }
            }
        }
        return entries;
    }

    static Optional<Customer> load(Connection c, UUID id) throws SQLException {
        Customer header;
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, name, phone, email, tax_number, credit_limit_minor, balance_minor, note FROM customer
                 WHERE id = ?""")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                header = new Customer(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getLong(6), rows.getLong(7), rows.getString(8), List.of());
            }
        }
        List<CustomerVehicle> vehicles = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, make, model, model_year, engine, vin, plate FROM customer_vehicle
                 WHERE customer_id = ? ORDER BY model_year DESC, make, model""")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    vehicles.add(new CustomerVehicle(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getInt(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
        }
        return Optional.of(new Customer(header.id(), header.name(), header.phone(), header.email(), header.taxNumber(),
                header.creditLimitMinor(), header.balanceMinor(), header.note(), vehicles));
    }
}
