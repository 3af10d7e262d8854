package org.clutch.web.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clutch.tenancy.TenantSettings;
import org.clutch.tenancy.WebOrigin;

import java.math.BigDecimal;
import java.util.List;

/** The settings of a tenant as sent by an admin: every setting, each time (a PUT replaces them all). */
public record TenantSettingsBody(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String legalName,
        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as KES or EUR") String currency,
        @NotBlank @Size(max = 35) String locale,
        @NotBlank @Size(max = 60) String timeZone,
        @NotNull @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) BigDecimal taxRatePercent,
        @Valid BrandingBody branding,
        boolean mfaRequired,
        @Size(max = WebOrigin.MAX_PER_TENANT) List<@NotNull @Size(max = 200) String> allowedOrigins) {

    public record BrandingBody(
            @Size(max = 200) String displayName,
            @Size(max = 500) String logoUrl,
            @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour such as #1A7F37") String primaryColour,
            @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour such as #1A7F37") String accentColour) {
    }

    TenantSettings settings() {
        TenantSettings.Branding b = branding == null ? TenantSettings.Branding.NONE
                : new TenantSettings.Branding(branding.displayName(), branding.logoUrl(), branding.primaryColour(), branding.accentColour());
        return new TenantSettings(name, legalName, currency, locale, timeZone, taxRatePercent, b, mfaRequired,
                allowedOrigins == null ? List.of() : allowedOrigins);
    }
}
