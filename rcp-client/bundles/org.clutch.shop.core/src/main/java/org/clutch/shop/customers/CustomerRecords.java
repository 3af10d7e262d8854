package org.clutch.shop.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.headoffice.EditConflict;
import org.clutch.shop.headoffice.SharedRecords;
import org.clutch.shop.staff.Staff;

/**
 * The shop's customers as head office changes them ({@link ShopInboxTypes#CUSTOMER_CHANGED}): name, phone, e-mail
 * and credit limit; never the vehicles or the account's balance.
 */
public final class CustomerRecords implements SharedRecords {

    private final ShopDatabase database;
    private final Clock clock;

    public CustomerRecords(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public EditConflict.Subject subject() {
        return EditConflict.Subject.CUSTOMER;
    }

    @Override
    public String changeType() {
        return ShopInboxTypes.CUSTOMER_CHANGED;
    }

    @Override
    public String keyField() {
        return "customerId";
    }

    @Override
    public List<String> editableCentrally() {
        return CustomerFields.EDITABLE_CENTRALLY;
    }

    @Override
    public Optional<Stamped> lock(Connection c, UUID id) throws SQLException {
        return CustomerStore.stamped(c, id).map(s -> new Stamped(s.customer().name(), s.values(), s.stamps()));
    }

    @Override
    public void overwrite(Connection c, UUID id, Map<String, Object> values, Map<String, Long> stamps, Instant now)
            throws SQLException {
        CustomerStore.overwrite(c, id, values, stamps, now);
    }

    @Override
    public void edit(Connection c, UUID id, String field, Object value, Staff by) throws SQLException {
        Customer now = CustomerStore.load(c, id).orElseThrow(() -> new RuleException("That customer no longer exists."));
        Customer edited = switch (field) {
            case CustomerFields.NAME -> new Customer(id, (String) value, now.phone(), now.email(), now.taxNumber(),
                    now.creditLimitMinor(), now.balanceMinor(), now.note(), now.vehicles());
            case CustomerFields.PHONE -> new Customer(id, now.name(), (String) value, now.email(), now.taxNumber(),
                    now.creditLimitMinor(), now.balanceMinor(), now.note(), now.vehicles());
            case CustomerFields.EMAIL -> new Customer(id, now.name(), now.phone(), (String) value, now.taxNumber(),
                    now.creditLimitMinor(), now.balanceMinor(), now.note(), now.vehicles());
            case CustomerFields.CREDIT_LIMIT -> now.withCreditLimit((Long) value);
            default -> throw new IllegalArgumentException("head office does not change a customer's " + field);
        };
        Customers.save(c, edited, by, database.editClock(clock), clock.instant());
    }

    @Override
    public Object parse(String field, String stored) {
        if (stored == null) {
            return null;
        }
        return CustomerFields.CREDIT_LIMIT.equals(field) ? Long.parseLong(stored) : stored;
    }

    @Override
    public Optional<String> label(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM customer WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
