package org.clutch.shop.customers;

import java.time.Year;
import java.util.Locale;
import java.util.UUID;

import org.clutch.shop.common.RuleException;

/** A vehicle a customer brings in, so the counter can find parts that fit it. */
public record CustomerVehicle(UUID id, String make, String model, int year, String engine, String vin, String plate) {

    public CustomerVehicle {
        if (make == null || make.isBlank() || model == null || model.isBlank()) {
            throw new RuleException("A vehicle needs a make and a model.");
        }
        if (year < 1950 || year > Year.now().getValue() + 1) {
            throw new RuleException(year + " is not a model year.");
        }
        make = make.trim();
        model = model.trim();
        engine = engine == null ? "" : engine.trim();
        vin = vin == null || vin.isBlank() ? null : vin.trim().toUpperCase(Locale.ROOT);
        // 17 characters from the VIN alphabet (no I, O or Q); the check digit is only mandatory in North America
        if (vin != null && !vin.matches("[A-HJ-NPR-Z0-9]{17}")) {
            throw new RuleException("A VIN is 17 letters and digits, without I, O or Q.");
        }
        plate = plate == null || plate.isBlank() ? null : plate.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public String label() {
        return year + " " + make + " " + model + (engine.isEmpty() ? "" : " " + engine)
                + (plate == null ? "" : " (" + plate + ")");
    }
}
