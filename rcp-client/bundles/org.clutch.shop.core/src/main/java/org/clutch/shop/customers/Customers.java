package org.clutch.shop.customers;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.shop.common.ContactDetails;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.headoffice.FieldStamps;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;

/**
 * Customers, their vehicles and their charge accounts. The balance only moves through {@link #charge},
 * {@link #refund} and {@link #receivePayment}, each of which appends a statement entry on the same transaction.
 */
public final class Customers {

    private static final String CUSTOMER = """
            SELECT id, name, phone, email, tax_number, credit_limit_minor, balance_minor, note FROM customer
            """;

    private final ShopDatabase database;
    private final ShopProfile profile;
    private final Clock clock;

    public Customers(ShopDatabase database, ShopProfile profile, Clock clock) {
        this.database = database;
        this.profile = profile;
        this.clock = clock;
    }

    /**
     * Creates or updates a customer with their vehicles. Giving credit is a manager's decision, so setting or
     * changing a credit limit takes one. The balance is not changed here.
     */
    public Customer save(Customer customer, Staff by) {
        customer.checkPlainText();
        return database.inTransaction(c -> save(c, customer, by, database.editClock(clock), clock.instant()));
    }

    /**
     * Saves on the caller's connection. Each field shared with head office ({@link CustomerFields}) that the save
     * changes gets a new stamp of the shop's edit clock; the event carries every field's stamp, so head office keeps,
     * field by field, the later of its edit and this one.
     */
    static Customer save(Connection c, Customer customer, Staff by, HybridClock stamps, Instant now) throws SQLException {
        UUID id = customer.id() == null ? UUID.randomUUID() : customer.id();
        List<CustomerVehicle> vehicles = customer.vehicles().stream().map(v -> v.id() != null ? v
                : new CustomerVehicle(UUID.randomUUID(), v.make(), v.model(), v.year(), v.engine(), v.vin(), v.plate())).toList();
        Customer saved = new Customer(id, customer.name(), customer.phone(), customer.email(), customer.taxNumber(),
                customer.creditLimitMinor(), customer.balanceMinor(), customer.note(), vehicles);
        Optional<Stamped> before = stamped(c, id);
        long currentLimit = before.map(b -> (Long) b.values().get(CustomerFields.CREDIT_LIMIT)).orElse(0L);
        if (saved.creditLimitMinor() != currentLimit) {
            by.requireManager("set a customer's credit limit");
        }
        Map<String, Object> after = values(saved);
        Map<String, Long> fieldStamps = before.isPresent()
                ? FieldStamps.restamp(before.get().values(), before.get().stamps(), after, stamps::tick)
                : FieldStamps.allAt(CustomerFields.ALL, stamps.tick());
        String sql = before.isPresent() ? """
                UPDATE customer SET name = ?, name_key = ?, phone = ?, email = ?, tax_number = ?, credit_limit_minor = ?,
                                    note = ?, updated_at = ?, field_stamps = ?, last_stamp = ? WHERE id = ?""" : """
                INSERT INTO customer (name, name_key, phone, email, tax_number, credit_limit_minor, note, updated_at,
                                      field_stamps, last_stamp, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, saved.name());
            write.setString(2, saved.name().toUpperCase(Locale.ROOT));
            write.setString(3, ContactDetails.optional(saved.phone()));
            write.setString(4, ContactDetails.optional(saved.email()));
            write.setString(5, ContactDetails.optional(saved.taxNumber()));
            write.setLong(6, saved.creditLimitMinor());
            write.setString(7, ContactDetails.optional(saved.note()));
            write.setTimestamp(8, Timestamp.from(now));
            write.setString(9, FieldStamps.json(fieldStamps).build().toString());
            write.setLong(10, FieldStamps.latest(fieldStamps));
            write.setObject(11, id);
            if (before.isEmpty()) {
                write.setTimestamp(12, Timestamp.from(now));
            }
            write.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM customer_vehicle WHERE customer_id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer_vehicle (id, customer_id, make, model, model_year, engine, vin, plate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (CustomerVehicle vehicle : vehicles) {
                insert.setObject(1, vehicle.id());
                insert.setObject(2, id);
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
        Outbox.record(c, "customers.customer-saved", 2, id, JSON.createObjectBuilder()
                .add("customerId", id.toString()).add("name", saved.name())
                .add("phone", saved.phone() == null ? "" : saved.phone())
                .add("email", saved.email() == null ? "" : saved.email())
                .add("creditLimitMinor", saved.creditLimitMinor()).add("vehicles", vehiclesJson(vehicles))
                .add("stamps", FieldStamps.json(fieldStamps))
                .add("staff", by.username()).build(), now);
        return load(c, id).orElseThrow();
    }

    /**
     * The fields shared with head office ({@link CustomerFields}), as stored and as both sides compare them: the
     * vehicles as one JSON list, in the order the customer's screen lists them.
     */
    static Map<String, Object> values(Customer customer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CustomerFields.NAME, customer.name());
        values.put(CustomerFields.PHONE, ContactDetails.optional(customer.phone()));
        values.put(CustomerFields.EMAIL, ContactDetails.optional(customer.email()));
        values.put(CustomerFields.CREDIT_LIMIT, customer.creditLimitMinor());
        values.put(CustomerFields.VEHICLES, vehiclesJson(customer.vehicles()).build().toString());
        return values;
    }

    private static JsonArrayBuilder vehiclesJson(List<CustomerVehicle> vehicles) {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        vehicles.stream().sorted(LISTED).forEach(vehicle -> json.add(JSON.createObjectBuilder()
                .add("id", String.valueOf(vehicle.id())).add("make", vehicle.make()).add("model", vehicle.model())
                .add("year", vehicle.year()).add("engine", vehicle.engine())
                .add("vin", vehicle.vin() == null ? "" : vehicle.vin())
                .add("plate", vehicle.plate() == null ? "" : vehicle.plate())));
        return json;
    }

    /** As the customer's screen lists the vehicles (and {@link #load} reads them): the newest model year first. */
    private static final Comparator<CustomerVehicle> LISTED = Comparator.comparingInt(CustomerVehicle::year).reversed()
            .thenComparing(CustomerVehicle::make).thenComparing(CustomerVehicle::model)
            .thenComparing(v -> String.valueOf(v.id()));

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
        return Optional.of(new Stamped(customer, values(customer),
                FieldStamps.read(storedStamps, CustomerFields.ALL, HybridClock.of(createdAt))));
    }

    /**
     * Writes head office's values of the fields it may change ({@link CustomerFields#EDITABLE_CENTRALLY}) and the
     * stamps after the merge; no event (head office has them), the vehicles and the account as they are.
     */
    static void overwrite(Connection c, UUID id, Map<String, Object> values, Map<String, Long> stamps, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE customer SET name = ?, name_key = ?, phone = ?, email = ?, credit_limit_minor = ?, updated_at = ?,
                                    field_stamps = ?, last_stamp = ? WHERE id = ?""")) {
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

    public Optional<Customer> get(UUID id) {
        return database.read(c -> load(c, id));
    }

    /** By the start of the name or of any word in it, by phone number, or by a vehicle's plate or VIN. */
    public List<Customer> search(String text, int limit) {
        String query = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return database.read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT c.id FROM customer c
                     WHERE ? = '' OR c.name_key LIKE ? OR c.name_key LIKE ? OR REPLACE(c.phone, ' ', '') LIKE ?
                        OR c.id IN (SELECT v.customer_id FROM customer_vehicle v
                                     WHERE REPLACE(v.plate, ' ', '') = ? OR v.vin = ?)
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
            List<Customer> hits = new ArrayList<>();
            for (UUID id : ids) {
                load(c, id).ifPresent(hits::add);
            }
            return hits;
        });
    }

    /** The customer's sales and returns, newest first. */
    public List<PurchaseHistoryLine> history(UUID customerId, int limit) {
        return database.read(c -> {
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
        });
    }

    /** The account statement, newest first, with the balance after each entry. */
    public List<AccountEntry> statement(UUID customerId, int limit) {
        return database.read(c -> {
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
        });
    }

    /** The customer pays off (part of) what they owe, in cash or by card. */
    public Customer receivePayment(UUID customerId, Tender payment, Staff by) {
        if (payment.kind() == Tender.Kind.ACCOUNT) {
            throw new RuleException("An account is paid in cash or by card.");
        }
        return database.inTransaction(c -> {
            Customer customer = lock(c, customerId);
            if (payment.amountMinor() > customer.balanceMinor()) {
                throw new RuleException(customer.name() + " owes " + profile.currency().format(Math.max(0, customer.balanceMinor()))
                        + "; take no more than that.");
            }
            entry(c, customer, AccountEntry.Kind.PAYMENT, -payment.amountMinor(),
                    payment.kind().name() + (payment.reference() == null ? "" : " " + payment.reference()), by, clock.instant());
            return load(c, customerId).orElseThrow();
        });
    }

    /**
     * Puts a sale on the customer's account, on the sale's transaction; refused when it would take the balance
     * over the credit limit.
     */
    public static void charge(Connection c, UUID customerId, long amountMinor, String reference, Staff by, Instant at,
            ShopProfile profile) throws SQLException {
        if (customerId == null) {
            throw new RuleException("Choose the customer whose account is charged.");
        }
        Customer customer = lock(c, customerId);
        if (amountMinor > customer.availableCreditMinor()) {
            throw new RuleException(customer.creditLimitMinor() == 0
                    ? customer.name() + " has no charge account."
                    : "Only " + profile.currency().format(customer.availableCreditMinor()) + " of "
                            + customer.name() + "'s credit limit is left.");
        }
        entry(c, customer, AccountEntry.Kind.CHARGE, amountMinor, reference, by, at);
    }

    /** Gives money back to the account (a return or a void), on the caller's transaction. */
    public static void refund(Connection c, UUID customerId, long amountMinor, String reference, Staff by, Instant at)
            throws SQLException {
        if (customerId == null) {
            throw new RuleException("Only a customer's sale can be refunded to an account.");
        }
        entry(c, lock(c, customerId), AccountEntry.Kind.REFUND, -amountMinor, reference, by, at);
    }

    private static void entry(Connection c, Customer customer, AccountEntry.Kind kind, long signedAmount,
            String reference, Staff by, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer_account_entry (id, customer_id, kind, amount_minor, reference, staff_id, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, customer.id());
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
            update.setObject(3, customer.id());
            update.executeUpdate();
        }
        Outbox.record(c, "customers.account-entry", customer.id(), JSON.createObjectBuilder()
                .add("customerId", customer.id().toString()).add("kind", kind.name()).add("amountMinor", signedAmount)
                .add("reference", reference == null ? "" : reference).add("staff", by == null ? "" : by.username())
                .add("at", at.toString()).build(), at);
    }

    private static Customer lock(Connection c, UUID customerId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM customer WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, customerId);
            lock.executeQuery().close();
        }
        return load(c, customerId).orElseThrow(() -> new RuleException("That customer does not exist."));
    }

    static Optional<Customer> load(Connection c, UUID id) throws SQLException {
        Customer header = null;
        try (PreparedStatement select = c.prepareStatement(CUSTOMER + " WHERE id = ?")) {
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
