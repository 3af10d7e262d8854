package org.clutch.marketplace;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.clutch.vehicle.Vin;

/** The vehicle a parts request is for. The VIN, when given, has passed its check digit. */
@Embeddable
public class Vehicle {

    @Column(name = "vehicle_make", nullable = false)
    private String make;

    @Column(name = "vehicle_model", nullable = false)
    private String model;

    @Column(name = "vehicle_year", nullable = false)
    private int modelYear;

    @Column(name = "vin")
    private String vin;

    @Column(name = "vin_manufacturer")
    private String vinManufacturer;

    protected Vehicle() {
    }

    Vehicle(String make, String model, int modelYear, Vin vin) {
        this.make = make.strip();
        this.model = model.strip();
        this.modelYear = modelYear;
        this.vin = vin == null ? null : vin.value();
        this.vinManufacturer = vin == null ? null : vin.manufacturer().orElse(null);
    }

    public String make() {
        return make;
    }

    public String model() {
        return model;
    }

    public int modelYear() {
        return modelYear;
    }

    public String vin() {
        return vin;
    }

    public String vinManufacturer() {
        return vinManufacturer;
    }
}
