package org.clutch.shop.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clutch.jms.CustomerFields;
import org.clutch.shop.common.ContactDetails;
import org.clutch.shop.common.PlainText;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.ShopCurrency;

/**
 * A customer the shop knows by name: their vehicles, and their charge account (a credit limit and what they owe).
 * {@code id} is null for one not yet saved.
 */
public record Customer(UUID id, String name, String phone, String email, String taxNumber, long creditLimitMinor,
        long balanceMinor, String note, List<CustomerVehicle> vehicles) {

    public Customer {
        if (name == null || name.isBlank()) {
            throw new RuleException("A customer needs a name.");
        }
        if (creditLimitMinor < 0) {
            throw new RuleException("A credit limit cannot be negative.");
        }
        ContactDetails.requireValidEmail(email);
        name = name.trim();
        vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
    }

    /** Refuses typed text with tabs or other control characters, naming the field (checked when saved, not when read). */
    public void checkPlainText() {
        PlainText.check("customer's name", name);
        PlainText.check("phone number", phone);
        PlainText.check("tax number", taxNumber);
        for (CustomerVehicle vehicle : vehicles) {
            PlainText.check("vehicle's make", vehicle.make());
            PlainText.check("vehicle's model", vehicle.model());
            PlainText.check("vehicle's engine", vehicle.engine());
            PlainText.check("number plate", vehicle.plate());
        }
    }

    public static Customer named(String name, String phone) {
        return new Customer(null, name, phone, null, null, 0, 0, null, List.of());
    }

    public Customer withId(UUID newId) {
        return new Customer(newId, name, phone, email, taxNumber, creditLimitMinor, balanceMinor, note, vehicles);
    }

    public Customer withCreditLimit(long limitMinor) {
        return new Customer(id, name, phone, email, taxNumber, limitMinor, balanceMinor, note, vehicles);
    }

    /** How much more can be put on the account. */
    public long availableCreditMinor() {
        return Math.max(0, creditLimitMinor - balanceMinor);
    }

    /** The fields shared with head office ({@link CustomerFields}), as stored and as both sides compare them. */
    Map<String, Object> sharedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CustomerFields.NAME, name);
        values.put(CustomerFields.PHONE, ContactDetails.optional(phone));
        values.put(CustomerFields.EMAIL, ContactDetails.optional(email));
        values.put(CustomerFields.CREDIT_LIMIT, creditLimitMinor);
        values.put(CustomerFields.VEHICLES, CustomerEvents.vehicles(vehicles).build().toString());
        return values;
    }

    /** @throws RuleException when {@code amountMinor} more would take the balance over the credit limit */
    void checkCharge(long amountMinor, ShopCurrency money) {
        if (amountMinor > availableCreditMinor()) {
            throw new RuleException(creditLimitMinor == 0 ? name + " has no charge account."
                    : "Only " + money.format(availableCreditMinor()) + " of " + name + "'s credit limit is left.");
        }
    }

    /** @throws RuleException when a payment of {@code amountMinor} is more than the customer owes */
    void checkPayment(long amountMinor, ShopCurrency money) {
        if (amountMinor > balanceMinor) {
            throw new RuleException(name + " owes " + money.format(Math.max(0, balanceMinor)) + "; take no more than that.");
        }
    }

    /**
     * @throws RuleException when the account is not settled: what is owed, either way, is the shop's books and must
     * be paid or paid back before the person's details can go
     */
    void checkErasable(ShopCurrency money) {
        if (balanceMinor > 0) {
            throw new RuleException(name + " owes " + money.format(balanceMinor) + "; settle the account before erasing their records.");
        }
        if (balanceMinor < 0) {
            throw new RuleException("The shop owes " + name + " " + money.format(-balanceMinor)
                    + "; pay it back before erasing their records.");
        }
    }

    /** The customer with nothing left of the person: no name, contact, tax number, note, vehicles or credit. */
    Customer erased() {
        return new Customer(id, ERASED_NAME, null, null, null, 0, balanceMinor, null, List.of());
    }

    /** What an erased customer is called wherever their sales still show. */
    public static final String ERASED_NAME = "Erased customer";

    public boolean hasAccount() {
        return creditLimitMinor > 0 || balanceMinor != 0;
    }
}
