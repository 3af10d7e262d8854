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

    /**
     * What head office may change of a shop's customer: how to reach them and how much credit they get. The vehicles
     * are the counter's: the shop sees the car and keeps its list.
     */
    public static final List<String> EDITABLE_CENTRALLY = List.of(NAME, PHONE, EMAIL, CREDIT_LIMIT);

    /** An e-mail address as both sides accept it: something, an at sign, a domain with a dot; no spaces. */
    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** The longest name, phone and e-mail address both sides keep. */
    public static final int NAME_LENGTH = 120;
    public static final int PHONE_LENGTH = 40;
    public static final int EMAIL_LENGTH = 120;

    private CustomerFields() {
    }
}
