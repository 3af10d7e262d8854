package org.clutch.marketplace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A shop's answer to a parts request: for each requested line whether it is available and at what unit price
 * (lines left out count as missing), all in one currency, plus freight, time to delivery and how long the
 * prices hold.
 */
public record QuoteSubmission(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as KES or EUR") String currency,
        @NotNull @Size(min = 1, max = PartsRequest.MAX_LINES) List<@NotNull @Valid LineInput> lines,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal freight,
        @NotNull @Min(0) @Max(24 * 365) Integer etaHours,
        @NotNull OffsetDateTime validUntil,
        @Size(max = 1000) String notes) {

    public record LineInput(
            @NotNull UUID requestLineId,
            @NotNull Boolean available,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }
}
