package org.clutch.tenancy;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a tenant admin sets for the tenant: names, money, language, time, tax and white-label branding, whether
 * staff must use a second factor, and the web origins its browser apps call the API from. The plan is set by platform
 * admins (it is what billing charges).
 */
public record TenantSettings(String name, String legalName, String currency, String locale, String timeZone,
        BigDecimal taxRatePercent, Branding branding, boolean mfaRequired, List<String> allowedOrigins) {

    /** How the tenant appears in white-label apps and on receipts; each part may be left out. */
    public record Branding(String displayName, String logoUrl, String primaryColour, String accentColour) {

        public static final Branding NONE = new Branding(null, null, null, null);
    }
}
