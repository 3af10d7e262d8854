package org.clutch.jms;

import java.util.List;

/**
 * The fields of a shop's customer that its desktop and head office both keep, each with its own {@link HybridClock}
 * stamp, as {@link CatalogFields} are for parts: for the same field the later stamp wins on both sides. The vehicles
 * are one field: the customer's list of vehicles as a whole. Names as in the JSON payloads.
 */
public final class CustomerFields {

    public static final String NAME = "name";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String CREDIT_LIMIT = "creditLimitMinor";
    public static final String VEHICLES = "vehicles";

    public static final List<String> ALL = List.of(NAME, PHONE, EMAIL, CREDIT_LIMIT, VEHICLES);

    private CustomerFields() {
    }
}
