package org.clutch.shop.customers;

import java.util.List;
import java.util.UUID;

import org.clutch.shop.common.ContactDetails;
import org.clutch.shop.common.PlainText;
import org.clutch.shop.common.RuleException;

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

    public boolean hasAccount() {
        return creditLimitMinor > 0 || balanceMinor != 0;
    }
}
