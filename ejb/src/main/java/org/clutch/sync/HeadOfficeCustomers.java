package org.clutch.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.clutch.jms.CustomerFields;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.platform.Actor;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.platform.TransactionConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Head office's view of its shops' customers, as the desktops sync them ({@code customers.customer-saved} into
 * {@code shop_customer}, field by field as the catalog): for a business with several shops, one place to see who buys
 * where, with their vehicles and credit limits, and to correct how to reach a customer or what credit they get.
 */
@Interceptors(RowScope.class)
@Stateless
public class HeadOfficeCustomers {

    private static final Logger LOG = Logger.getLogger(HeadOfficeCustomers.class.getName());

    private static final String SELECT = "SELECT customer_id, name, phone, email, credit_limit_minor, vehicles, changed_at, "
            + MirroredColumns.CUSTOMERS.stampColumns() + " FROM shop_customer WHERE shop_id = ?";

    @Inject
    TransactionConnection database;

    @Inject
    CentralClock centralClock;

    @Inject
    ShopInbox inbox;

    @Inject
    Clock clock;

    /** The shop's customers by name; row-level security hides another tenant's shop as if it did not exist. */
    public List<MirroredCustomer> of(Actor actor, UUID shopId) throws SQLException {
        actor.require(Role.TENANT_ADMIN);
        try (Connection c = database.current()) {
            SyncStatus.requireShop(c, shopId);
            try (PreparedStatement select = c.prepareStatement(SELECT + " ORDER BY name, customer_id")) {
                select.setObject(1, shopId);
                List<MirroredCustomer> customers = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        customers.add(customer(shopId, rows));
                    }
                }
                return customers;
            }
        }
    }

    public MirroredCustomer get(Actor actor, UUID shopId, UUID customerId) throws SQLException {
        actor.require(Role.TENANT_ADMIN);
        try (Connection c = database.current()) {
            return load(c, shopId, customerId, false);
        }
    }

    /**
     * Head office changes a customer's contact details or credit limit ({@link CustomerFields#EDITABLE_CENTRALLY}).
     * Each changed field is stamped with the central clock and goes to the shop's desktop on its inbox
     * ({@link ShopInboxTypes#CUSTOMER_CHANGED}) with the stamp it replaced, as a part's change does
     * ({@link HeadOfficeCatalog}): where the desktop changed the same field meanwhile, both sides keep the later edit
     * and the desktop lists the other for review.
     */
    public MirroredCustomer edit(Actor actor, UUID shopId, UUID customerId, CustomerEdit edit) throws SQLException {
        actor.require(Role.TENANT_ADMIN);
        Map<String, Object> given = edit.changes();
        if (given.isEmpty()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("body",
                    "give at least one of " + CustomerFields.EDITABLE_CENTRALLY)));
        }
        try (Connection c = database.current()) {
            MirroredCustomer before = load(c, shopId, customerId, true);
            if (erased(c, shopId, customerId)) {
                throw new StateConflictException("this customer's records were erased at their request; they are not filled in again");
            }
            Instant now = clock.instant();
            Optional<MirroredColumns.CentralChange> change = MirroredColumns.CUSTOMERS.changeCentrally(c, shopId, customerId,
                    values(before), before.stamps(), given, centralClock, now);
            if (change.isEmpty()) {
                return before;
            }
            MirroredColumns.CentralChange changed = change.get();
            inbox.send(shopId, ShopInboxTypes.CUSTOMER_CHANGED, customerId, new CustomerChanged(customerId, changed.values(),
                    changed.stamps(), changed.replaced(), String.valueOf(actor.userId()), now), null);
            LOG.info(() -> "event=head-office-customer-edit shop=" + shopId + " customer=" + customerId + " fields="
                    + changed.values().keySet());
            return load(c, shopId, customerId, false);
        }
    }

    private static boolean erased(Connection c, UUID shopId, UUID customerId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT erased_at FROM shop_customer WHERE shop_id = ? AND customer_id = ?")) {
            select.setObject(1, shopId);
            select.setObject(2, customerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getTimestamp(1) != null;
            }
        }
    }

    /** The customers.customer-changed payload (ShopInboxTypes). */
    public record CustomerChanged(UUID customerId, Map<String, Object> values, Map<String, Long> stamps,
            Map<String, Long> replaced, String by, Instant at) {
    }

    private static Map<String, Object> values(MirroredCustomer customer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CustomerFields.NAME, customer.name());
        values.put(CustomerFields.PHONE, customer.phone());
        values.put(CustomerFields.EMAIL, customer.email());
        values.put(CustomerFields.CREDIT_LIMIT, customer.creditLimitMinor());
        return values;
    }

    /** Row-level security hides other tenants' shops: their customers are as unknown as a wrong id. */
    private static MirroredCustomer load(Connection c, UUID shopId, UUID customerId, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT + " AND customer_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, shopId);
            select.setObject(2, customerId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("customer " + customerId + " of shop " + shopId);
                }
                return customer(shopId, row);
            }
        }
    }

    private static MirroredCustomer customer(UUID shopId, ResultSet row) throws SQLException {
        try (JsonReader vehicles = Json.createReader(new StringReader(row.getString(6)))) {
            return new MirroredCustomer(shopId, row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                    row.getString(4), row.getLong(5), vehicles.readArray(), row.getObject(7, OffsetDateTime.class),
                    MirroredColumns.CUSTOMERS.stamps(row, 8));
        }
    }
}
