package org.clutch.sync;

import jakarta.json.JsonArray;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A shop's customer as head office has it: the fields its desktop and head office share (the vehicles as the desktop
 * lists them: id, make, model, year, engine, vin, plate), when the desktop last changed it, and each field's stamp.
 */
public record MirroredCustomer(UUID shopId, UUID customerId, String name, String phone, String email,
        long creditLimitMinor, JsonArray vehicles, OffsetDateTime changedAt, Map<String, Long> stamps) {

    /** What a customer erased at their request is called, here as on the desktop. */
    public static final String ERASED_NAME = "Erased customer";
}
