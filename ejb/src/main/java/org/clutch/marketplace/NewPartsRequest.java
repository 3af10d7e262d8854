package org.clutch.marketplace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a customer submits: the vehicle, where to deliver, and 1..50 parts. No prices. */
public record NewPartsRequest(
        @NotNull @Valid VehicleInput vehicle,
        @NotNull @Valid DeliveryInput delivery,
        @NotNull @Size(min = 1, max = PartsRequest.MAX_LINES) List<@NotNull @Valid LineInput> lines) {

    public record VehicleInput(
            @NotBlank @Size(max = 60) String make,
            @NotBlank @Size(max = 60) String model,
            @NotNull @Min(1900) @Max(2100) Integer year,
            @Size(max = 40) String vin) {
    }

    public record DeliveryInput(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotBlank @Size(max = 500) String address,
            @Size(max = 500) String instructions) {
    }

    public record LineInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 60) String partNumber,
            @NotNull @Min(1) @Max(999) Integer quantity,
            @Size(max = 500) String notes) {
    }
}
