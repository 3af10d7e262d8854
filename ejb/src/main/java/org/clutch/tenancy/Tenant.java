package org.clutch.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A business on the platform and its settings. Settings are checked here, the one place that knows what is valid. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantKind kind;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String locale;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "tax_rate_percent", nullable = false)
    private BigDecimal taxRatePercent;

    @Column(name = "brand_display_name")
    private String brandDisplayName;

    @Column(name = "brand_logo_url")
    private String brandLogoUrl;

    @Column(name = "brand_primary_colour")
    private String brandPrimaryColour;

    @Column(name = "brand_accent_colour")
    private String brandAccentColour;

    @Column(nullable = false)
    private String plan;

    @Column(name = "partner_roles")
    private String partnerRoles;

    @Column(name = "mfa_required", nullable = false)
    private boolean mfaRequired;

    /** Space-separated, normalised ({@link WebOrigin}). */
    @Column(name = "allowed_origins", nullable = false)
    private String allowedOrigins = "";

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(TenantKind kind, Set<PartnerRole> partnerRoles, TenantSettings settings, String plan, OffsetDateTime now) {
        if (kind == TenantKind.PARTNER && (partnerRoles == null || partnerRoles.isEmpty())) {
            throw new InvalidInputException(List.of(new FieldError("partnerRoles",
                    "a partner is a BUYER (fleet, insurer), a SUPPLIER, or both")));
        }
        if (kind != TenantKind.PARTNER && partnerRoles != null && !partnerRoles.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("partnerRoles", "only a partner has partner roles")));
        }
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.partnerRoles = PartnerRole.stored(partnerRoles);
        this.plan = plan;
        this.createdAt = now;
        apply(settings);
    }

    /**
     * Applies new settings after checking all of them (nothing changes if one is wrong) and answers the names of
     * the settings that changed, for the audit log.
     */
    public List<String> apply(TenantSettings s) {
        List<FieldError> errors = new ArrayList<>();
        String newCurrency = currency(s.currency(), errors);
        String newLocale = locale(s.locale(), errors);
        String newZone = zone(s.timeZone(), errors);
        if (s.taxRatePercent() == null || s.taxRatePercent().signum() < 0 || s.taxRatePercent().compareTo(BigDecimal.valueOf(100)) >= 0
                || s.taxRatePercent().stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("taxRatePercent", "must be at least 0 and below 100, with at most 2 decimals"));
        }
        TenantSettings.Branding b = s.branding() == null ? TenantSettings.Branding.NONE : s.branding();
        if (b.logoUrl() != null && !isHttpsUrl(b.logoUrl())) {
            errors.add(new FieldError("branding.logoUrl", "must be an https:// address"));
        }
        String newOrigins = origins(s.allowedOrigins(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<String> changed = new ArrayList<>();
        name = change("name", name, s.name().strip(), changed);
        legalName = change("legalName", legalName, s.legalName().strip(), changed);
        currency = change("currency", currency, newCurrency, changed);
        locale = change("locale", locale, newLocale, changed);
        timeZone = change("timeZone", timeZone, newZone, changed);
        if (taxRatePercent == null || taxRatePercent.compareTo(s.taxRatePercent()) != 0) {
            changed.add("taxRatePercent");
            taxRatePercent = s.taxRatePercent();
        }
        brandDisplayName = change("branding.displayName", brandDisplayName, blankToNull(b.displayName()), changed);
        brandLogoUrl = change("branding.logoUrl", brandLogoUrl, blankToNull(b.logoUrl()), changed);
        brandPrimaryColour = change("branding.primaryColour", brandPrimaryColour, upper(b.primaryColour()), changed);
        brandAccentColour = change("branding.accentColour", brandAccentColour, upper(b.accentColour()), changed);
        if (mfaRequired != s.mfaRequired()) {
            changed.add("mfaRequired");
            mfaRequired = s.mfaRequired();
        }
        allowedOrigins = change("allowedOrigins", allowedOrigins, newOrigins, changed);
        return changed;
    }

    /** Moves the tenant to another billing plan; answers whether it changed. */
    public boolean changePlan(String newPlan) {
        boolean changed = !newPlan.equals(plan);
        plan = newPlan;
        return changed;
    }

    /** The origins normalised, distinct and space-separated; each one that is not an origin is a field error. */
    private static String origins(List<String> listed, List<FieldError> errors) {
        if (listed == null) {
            return "";
        }
        if (listed.size() > WebOrigin.MAX_PER_TENANT) {
            errors.add(new FieldError("allowedOrigins", "at most " + WebOrigin.MAX_PER_TENANT + " origins"));
            return "";
        }
        Set<String> origins = new LinkedHashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            Optional<String> origin = WebOrigin.normalise(listed.get(i));
            if (origin.isEmpty()) {
                errors.add(new FieldError("allowedOrigins[" + i + "]",
                        "must be an origin such as https://app.example.com (https, no path; http only for localhost)"));
            } else {
                origins.add(origin.get());
            }
        }
        return String.join(" ", origins);
    }

    private static String currency(String code, List<FieldError> errors) {
        try {
            if (code != null && code.length() == 3) {
                Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
                // Codes without minor units are no money a business trades in: XXX (none), XTS (tests), gold, SDRs.
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency.getCurrencyCode();
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as KES or EUR"));
        return null;
    }

    private static String locale(String tag, List<FieldError> errors) {
        try {
            if (tag != null) {
                Locale parsed = new Locale.Builder().setLanguageTag(tag).build();
                if (!parsed.getLanguage().isEmpty()) {
                    return parsed.toLanguageTag();
                }
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        errors.add(new FieldError("locale", "must be a BCP 47 language tag such as en-KE or sw-KE"));
        return null;
    }

    private static String zone(String id, List<FieldError> errors) {
        try {
            if (id != null && id.contains("/")) {
                return ZoneId.of(id).getId();
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new FieldError("timeZone", "must be an IANA time zone such as Africa/Nairobi"));
        return null;
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String change(String field, String current, String next, List<String> changed) {
        if (!Objects.equals(current, next)) {
            changed.add(field);
        }
        return next;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String colour) {
        return colour == null || colour.isBlank() ? null : colour.strip().toUpperCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    /** What a partner does (empty for a shop business). */
    public Set<PartnerRole> partnerRoles() {
        return PartnerRole.parse(partnerRoles);
    }

    public TenantKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String legalName() {
        return legalName;
    }

    public String currency() {
        return currency;
    }

    public String locale() {
        return locale;
    }

    public String timeZone() {
        return timeZone;
    }

    public BigDecimal taxRatePercent() {
        return taxRatePercent;
    }

    public List<String> allowedOrigins() {
        return allowedOrigins.isEmpty() ? List.of() : List.of(allowedOrigins.split(" "));
    }

    public TenantSettings.Branding branding() {
        return new TenantSettings.Branding(brandDisplayName, brandLogoUrl, brandPrimaryColour, brandAccentColour);
    }

    public String plan() {
        return plan;
    }

    public boolean mfaRequired() {
        return mfaRequired;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
