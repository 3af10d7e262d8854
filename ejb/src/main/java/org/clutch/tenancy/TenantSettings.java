package org.clutch.tenancy;

import java.math.BigDecimal;

/**
 * What a tenant admin sets for the tenant: names, money, language, time, tax and white-label branding, and whether
 * staff must use a second factor. The plan is set by platform admins (it is what billing charges).
 */
public record TenantSettings(String name, String legalName, String currency, String locale, String timeZone,
        BigDecimal taxRatePercent, Branding branding, boolean mfaRequired) {

    /** How the tenant appears in white-label apps and on receipts; each part may be left out. */
    public record Branding(String displayName, String logoUrl, String primaryColour, String accentColour) {

        public static final Branding NONE = new Branding(null, null, null, null);
    }
}
