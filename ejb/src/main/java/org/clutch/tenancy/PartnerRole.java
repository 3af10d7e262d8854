package org.clutch.tenancy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.clutch.jms.PartnerMessages;

/** What a partner does on the platform; it decides which message types the partner may send. The names are API. */
public enum PartnerRole {

    /** Fleet operators and insurers: they buy, as a marketplace customer of their own. */
    BUYER(Set.of(PartnerMessages.SUBMIT_PARTS_REQUEST, PartnerMessages.ACCEPT_QUOTE, PartnerMessages.PAY_ORDER)),
    /** Parts suppliers: they feed the central catalog and answer shops' purchase orders. */
    SUPPLIER(Set.of(PartnerMessages.CATALOG_FEED, PartnerMessages.ACKNOWLEDGE_PURCHASE_ORDER,
            PartnerMessages.SHIP_PURCHASE_ORDER));

    private final Set<String> sends;

    PartnerRole(Set<String> sends) {
        this.sends = sends;
    }

    /** The message types a partner in this role may send. */
    public Set<String> sends() {
        return sends;
    }

    /**
     * True when a partner in {@code roles} may send {@code type}; a type no role sends is left to whoever reads the
     * message, which refuses it as unknown.
     */
    public static boolean permit(Set<PartnerRole> roles, String type) {
        boolean anyRoleSends = EnumSet.allOf(PartnerRole.class).stream().anyMatch(r -> r.sends.contains(type));
        return !anyRoleSends || roles.stream().anyMatch(r -> r.sends.contains(type));
    }

    /** As stored: "BUYER", "SUPPLIER" or "BUYER,SUPPLIER" (in that order); null for none. */
    static String stored(Set<PartnerRole> roles) {
        return roles == null || roles.isEmpty() ? null
                : roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<PartnerRole> parse(String stored) {
        Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
        if (stored != null) {
            for (String name : stored.split(",")) {
                roles.add(valueOf(name.strip()));
            }
        }
        return roles;
    }
}
