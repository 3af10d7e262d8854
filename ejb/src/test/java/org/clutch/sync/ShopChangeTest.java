package org.clutch.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.jms.SyncEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** A customer saved on a desktop, as the backend reads it for its mirror, and what it refuses with a reason. */
class ShopChangeTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
    private static final UUID CUSTOMER = UUID.fromString("30000000-0000-0000-0000-000000000001");

    @Test
    void aCustomerSaveCarriesEachSharedFieldStampedWithTheTimeOfTheEdit() {
        ShopChange.CustomerSaved saved = (ShopChange.CustomerSaved) ShopChange.of(event(customer()
                .add("vehicles", Json.createArrayBuilder().add(Json.createObjectBuilder().add("plate", "KDA 123A")))));

        assertEquals(CUSTOMER, saved.key());
        assertEquals("Wanjiru Kamau", saved.values().get(CustomerFields.NAME));
        assertNull(saved.values().get(CustomerFields.PHONE), "no phone on the desktop is no phone centrally");
        assertEquals(250_000L, saved.values().get(CustomerFields.CREDIT_LIMIT));
        assertEquals("[{\"plate\":\"KDA 123A\"}]", saved.values().get(CustomerFields.VEHICLES));
        assertEquals(CustomerFields.ALL.size(), saved.stamps().size());
        saved.stamps().values().forEach(stamp -> assertEquals(HybridClock.of(NOON), stamp));
    }

    @Test
    void aSecondVersionSaveCarriesTheDesktopsOwnStampForEachField() {
        JsonObjectBuilder stamps = Json.createObjectBuilder();
        CustomerFields.ALL.forEach(field -> stamps.add(field, 1_000L + field.length()));
        ShopChange.CustomerSaved saved = (ShopChange.CustomerSaved) ShopChange.of(event(2, customer()
                .add("vehicles", Json.createArrayBuilder()).add("stamps", stamps)));

        CustomerFields.ALL.forEach(field -> assertEquals(1_000L + field.length(), saved.stamps().get(field), field));
        assertEquals("[]", saved.values().get(CustomerFields.VEHICLES));
    }

    @Test
    void aSecondVersionSaveMissingAFieldsStampIsRefusedWithTheField() {
        JsonObjectBuilder stamps = Json.createObjectBuilder();
        CustomerFields.ALL.stream().filter(field -> !field.equals(CustomerFields.EMAIL)).forEach(field -> stamps.add(field, 7L));
        assertEquals("payload field stamps.email must be a positive whole number", assertThrows(IllegalArgumentException.class,
                () -> ShopChange.of(event(2, customer().add("vehicles", Json.createArrayBuilder()).add("stamps", stamps))))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ShopChange.of(event(3, customer().add("vehicles", Json.createArrayBuilder())))).getMessage()
                .startsWith("customers.customer-saved version 3 is not accepted"));
    }

    @Test
    void aCustomerSaveWithoutANameOrWithVehiclesThatAreNoListIsRefusedWithWhy() {
        assertEquals("payload field name must be a non-empty string", assertThrows(IllegalArgumentException.class,
                () -> ShopChange.of(event(customer().add("name", " ").add("vehicles", Json.createArrayBuilder())))).getMessage());
        assertEquals("payload field vehicles must be a list of at most 500 vehicles", assertThrows(IllegalArgumentException.class,
                () -> ShopChange.of(event(customer().add("vehicles", "KDA 123A")))).getMessage());
        JsonArrayBuilder fleet = Json.createArrayBuilder();
        for (int i = 0; i <= ShopChange.MAX_VEHICLES; i++) {
            fleet.add(Json.createObjectBuilder().add("plate", "K" + i));
        }
        assertThrows(IllegalArgumentException.class, () -> ShopChange.of(event(customer().add("vehicles", fleet))));
        assertEquals("payload field creditLimitMinor must be a whole number, 0 or more", assertThrows(IllegalArgumentException.class,
                () -> ShopChange.of(event(customer().add("creditLimitMinor", -1).add("vehicles", Json.createArrayBuilder()))))
                .getMessage());
    }

    private static JsonObjectBuilder customer() {
        return Json.createObjectBuilder().add("customerId", CUSTOMER.toString()).add("name", "Wanjiru Kamau").add("phone", "")
                .add("email", "").add("creditLimitMinor", 250_000).add("staff", "amina");
    }

    private static SyncEvent event(JsonObjectBuilder payload) {
        return event(1, payload);
    }

    private static SyncEvent event(int version, JsonObjectBuilder payload) {
        return new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), "customers.customer-saved", version, CUSTOMER, NOON,
                payload.build().toString());
    }
}
