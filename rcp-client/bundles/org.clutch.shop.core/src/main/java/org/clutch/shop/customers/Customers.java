package org.clutch.shop.customers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.headoffice.FieldStamps;
import org.clutch.shop.money.Tender;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.staff.Staff;

/**
 * Customers, their vehicles and their charge accounts. The balance only moves through {@link #charge},
 * {@link #refund} and {@link #receivePayment}, each of which appends a statement entry on the same transaction.
 */
public final class Customers {

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
     * field by field, the later of its edit and this one. A customer erased at their request is never saved again,
     * whoever asks (the counter, or head office's edit taken at the desktop).
     */
    static Customer save(Connection c, Customer customer, Staff by, HybridClock stamps, Instant now) throws SQLException {
        if (customer.id() != null && CustomerStore.isErased(c, customer.id())) {
            throw new RuleException("This customer's records were erased at their request; they cannot be filled in again.");
        }
        UUID id = customer.id() == null ? UUID.randomUUID() : customer.id();
        List<CustomerVehicle> vehicles = customer.vehicles().stream().map(v -> v.id() != null ? v
                : new CustomerVehicle(UUID.randomUUID(), v.make(), v.model(), v.year(), v.engine(), v.vin(), v.plate())).toList();
        Customer saved = new Customer(id, customer.name(), customer.phone(), customer.email(), customer.taxNumber(),
                customer.creditLimitMinor(), customer.balanceMinor(), customer.note(), vehicles);
        Optional<CustomerStore.Stamped> before = CustomerStore.stamped(c, id);
        long currentLimit = before.map(b -> (Long) b.values().get(CustomerFields.CREDIT_LIMIT)).orElse(0L);
        if (saved.creditLimitMinor() != currentLimit) {
            by.requireManager("set a customer's credit limit");
        }
        Map<String, Long> fieldStamps = before.isPresent()
                ? FieldStamps.restamp(before.get().values(), before.get().stamps(), saved.sharedValues(), stamps::tick)
                : FieldStamps.allAt(CustomerFields.ALL, stamps.tick());
        CustomerStore.write(c, saved, before.isEmpty(), fieldStamps, now);
        Outbox.record(c, CustomerEvents.CUSTOMER_SAVED, CustomerEvents.CUSTOMER_SAVED_VERSION, id,
                CustomerEvents.customerSaved(saved, fieldStamps, by), now);
        return CustomerStore.load(c, id).orElseThrow();
    }

    /**
     * Everything the shop holds about the customer, as JSON for them to take away (their right of access): details,
     * vehicles, purchases and account. Head office's audit log hears of it.
     */
    public String exportData(UUID customerId, Staff by) {
        return database.inTransaction(c -> {
            Customer customer = CustomerStore.load(c, customerId).orElseThrow(() -> new RuleException("That customer does not exist."));
            String data = CustomerExport.json(customer, profile, CustomerStore.history(c, customerId, Integer.MAX_VALUE),
                    CustomerStore.statement(c, customerId, Integer.MAX_VALUE), clock.instant());
            Outbox.record(c, CustomerEvents.CUSTOMER_DATA_EXPORTED, customerId,
                    CustomerEvents.privacyRequest(customerId, by, clock.instant()), clock.instant());
            return data;
        });
    }

    /**
     * Erases the customer's records at their request, a manager's decision: their details and vehicles go (head office's
     * copy too, with the sync), their sales stay for the books under "Erased customer". The account must be settled
     * first. Nothing can fill the record in again.
     */
    public void erase(UUID customerId, Staff by) {
        by.requireManager("erase a customer's records");
        database.inTransaction(c -> {
            Customer customer = CustomerStore.lock(c, customerId);
            if (CustomerStore.isErased(c, customerId)) {
                throw new RuleException("This customer's records are erased already.");
            }
            customer.checkErasable(profile.currency());
            Instant now = clock.instant();
            save(c, customer.erased(), by, database.editClock(clock), now);
            CustomerStore.markErased(c, customerId, now);
            Outbox.record(c, CustomerEvents.CUSTOMER_ERASED, customerId, CustomerEvents.privacyRequest(customerId, by, now), now);
            return null;
        });
    }

    public Optional<Customer> get(UUID id) {
        return database.read(c -> CustomerStore.load(c, id));
    }

    /** By the start of the name or of any word in it, by phone number, or by a vehicle's plate or VIN. */
    public List<Customer> search(String text, int limit) {
        String query = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return database.read(c -> {
            List<Customer> hits = new ArrayList<>();
            for (UUID id : CustomerStore.search(c, query, limit)) {
                CustomerStore.load(c, id).ifPresent(hits::add);
            }
            return hits;
        });
    }

    /** The customer's sales and returns, newest first. */
    public List<PurchaseHistoryLine> history(UUID customerId, int limit) {
        return database.read(c -> CustomerStore.history(c, customerId, limit));
    }

    /** The account statement, newest first, with the balance after each entry. */
    public List<AccountEntry> statement(UUID customerId, int limit) {
        return database.read(c -> CustomerStore.statement(c, customerId, limit));
    }

    /** The customer pays off (part of) what they owe, in cash or by card. */
    public Customer receivePayment(UUID customerId, Tender payment, Staff by) {
        if (payment.kind() == Tender.Kind.ACCOUNT) {
            throw new RuleException("An account is paid in cash or by card.");
        }
        return database.inTransaction(c -> {
            Customer customer = CustomerStore.lock(c, customerId);
            customer.checkPayment(payment.amountMinor(), profile.currency());
            entry(c, customer, AccountEntry.Kind.PAYMENT, -payment.amountMinor(),
                    payment.kind().name() + (payment.reference() == null ? "" : " " + payment.reference()), by, clock.instant());
            return CustomerStore.load(c, customerId).orElseThrow();
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
        Customer customer = CustomerStore.lock(c, customerId);
        customer.checkCharge(amountMinor, profile.currency());
        entry(c, customer, AccountEntry.Kind.CHARGE, amountMinor, reference, by, at);
    }

    /** Gives money back to the account (a return or a void), on the caller's transaction. */
    public static void refund(Connection c, UUID customerId, long amountMinor, String reference, Staff by, Instant at)
            throws SQLException {
        if (customerId == null) {
            throw new RuleException("Only a customer's sale can be refunded to an account.");
        }
        entry(c, CustomerStore.lock(c, customerId), AccountEntry.Kind.REFUND, -amountMinor, reference, by, at);
    }

    private static void entry(Connection c, Customer customer, AccountEntry.Kind kind, long signedAmount,
            String reference, Staff by, Instant at) throws SQLException {
        CustomerStore.addEntry(c, customer.id(), kind, signedAmount, reference, by, at);
        Outbox.record(c, CustomerEvents.ACCOUNT_ENTRY, customer.id(),
                CustomerEvents.accountEntry(customer, kind, signedAmount, reference, by, at), at);
    }
}
