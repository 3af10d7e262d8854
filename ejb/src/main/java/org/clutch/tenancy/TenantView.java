package org.clutch.tenancy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant and its settings as admins see them. */
public record TenantView(UUID id, TenantKind kind, String name, String legalName, String currency, String locale, String timeZone,
        BigDecimal taxRatePercent, TenantSettings.Branding branding, String plan, boolean mfaRequired, OffsetDateTime createdAt,
        Set<PartnerRole> partnerRoles, List<String> allowedOrigins) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.kind(), t.name(), t.legalName(), t.currency(), t.locale(), t.timeZone(), t.taxRatePercent(),
                t.branding(), t.plan(), t.mfaRequired(), t.createdAt(), t.partnerRoles(), t.allowedOrigins());
    }
}
