package org.clutch.shop.customers;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.clutch.shop.headoffice.FieldStamps;
import org.clutch.shop.staff.Staff;

/** The customers' outbox events, as head office reads them. */
final class CustomerEvents {

    static final String CUSTOMER_SAVED = "customers.customer-saved";
    static final int CUSTOMER_SAVED_VERSION = 2;
    static final String ACCOUNT_ENTRY = "customers.account-entry";
    /** For head office's audit log: a customer's records erased, or handed to them, at their request. */
    static final String CUSTOMER_ERASED = "customers.customer-erased";
    static final String CUSTOMER_DATA_EXPORTED = "customers.customer-data-exported";

    /** As the customer's screen lists the vehicles (and the store reads them): the newest model year first. */
    private static final Comparator<CustomerVehicle> LISTED = Comparator.comparingInt(CustomerVehicle::year).reversed()
            .thenComparing(CustomerVehicle::make).thenComparing(CustomerVehicle::model)
            .thenComparing(v -> String.valueOf(v.id()));

    private CustomerEvents() {
    }

    /** A customer as saved, with every shared field's stamp, so head office keeps the later edit field by field. */
    static JsonObject customerSaved(Customer customer, Map<String, Long> stamps, Staff by) {
        return JSON.createObjectBuilder()
                .add("customerId", customer.id().toString()).add("name", customer.name())
                .add("phone", customer.phone() == null ? "" : customer.phone())
                .add("email", customer.email() == null ? "" : customer.email())
                .add("creditLimitMinor", customer.creditLimitMinor()).add("vehicles", vehicles(customer.vehicles()))
                .add("stamps", FieldStamps.json(stamps))
                .add("staff", by.username()).build();
    }

    static JsonObject accountEntry(Customer customer, AccountEntry.Kind kind, long signedAmount, String reference,
            Staff by, Instant at) {
        return JSON.createObjectBuilder()
                .add("customerId", customer.id().toString()).add("kind", kind.name()).add("amountMinor", signedAmount)
                .add("reference", reference == null ? "" : reference).add("staff", by == null ? "" : by.username())
                .add("at", at.toString()).build();
    }

    /** Who erased or exported a customer's records, and when. */
    static JsonObject privacyRequest(UUID customerId, Staff by, Instant at) {
        return JSON.createObjectBuilder().add("customerId", customerId.toString()).add("staff", by.username())
                .add("at", at.toString()).build();
    }

    /** The vehicles as one JSON list in the order the screen lists them: in events and as one shared field. */
    static JsonArrayBuilder vehicles(List<CustomerVehicle> vehicles) {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        vehicles.stream().sorted(LISTED).forEach(vehicle -> json.add(JSON.createObjectBuilder()
                .add("id", String.valueOf(vehicle.id())).add("make", vehicle.make()).add("model", vehicle.model())
                .add("year", vehicle.year()).add("engine", vehicle.engine())
                .add("vin", vehicle.vin() == null ? "" : vehicle.vin())
                .add("plate", vehicle.plate() == null ? "" : vehicle.plate())));
        return json;
    }
}
