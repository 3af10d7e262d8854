package org.clutch.tenancy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.clutch.platform.StateConflictException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * A parts shop of a tenant: who it is, where it is, how far it delivers, which vehicle makes it carries, and where
 * it stands on the platform. A shop is created in onboarding and filled in step by step (any step can be done
 * again, so the flow can be left and resumed); submitting it asks a platform admin to verify it. What was verified
 * (business details, location) cannot be changed on an active shop without a new verification.
 */
@Entity
@Table(name = "shop")
public class Shop {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShopStatus status;

    @Column(name = "legal_name")
    private String legalName;

    @Column(name = "registration_number")
    private String registrationNumber;

    @Column(name = "tax_number")
    private String taxNumber;

    private String phone;

    private String email;

    /** Null until the location step is done. */
    @Embedded
    private GeoPoint location;

    private String address;

    @Column(name = "service_radius_km")
    private BigDecimal serviceRadiusKm;

    @Enumerated(EnumType.STRING)
    @Column(name = "inventory_source")
    private InventorySource inventorySource;

    @Column(name = "inventory_part_count")
    private Integer inventoryPartCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_strategy")
    private PricingStrategy pricingStrategy;

    @Column(name = "pricing_percent")
    private BigDecimal pricingPercent;

    @Column(name = "auto_quote", nullable = false)
    private boolean autoQuote;

    /** Why a platform admin rejected or suspended the shop. */
    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at")
    private OffsetDateTime statusChangedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_make", joinColumns = @JoinColumn(name = "shop_id"))
    @Column(name = "make")
    private Set<String> makes = new HashSet<>();

    @Version
    private long version;

    protected Shop() {
    }

    public Shop(UUID id, UUID tenantId, String name, GeoPoint location, String address, BigDecimal serviceRadiusKm,
            Set<String> makes) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.location = location;
        this.address = address;
        this.serviceRadiusKm = serviceRadiusKm;
        makes.forEach(m -> this.makes.add(normalizeMake(m)));
        this.status = ShopStatus.ACTIVE;
    }

    /** A new shop of the tenant, in onboarding, with its business details (the first step). */
    public static Shop startOnboarding(UUID tenantId, BusinessInfo info, OffsetDateTime now) {
        Shop shop = new Shop();
        shop.id = UUID.randomUUID();
        shop.tenantId = tenantId;
        shop.status = ShopStatus.ONBOARDING;
        shop.statusChangedAt = now;
        shop.describe(info);
        return shop;
    }

    // ---- onboarding steps ------------------------------------------------------------------------------------

    public void describe(BusinessInfo info) {
        requireUnverified("business details");
        this.name = info.name().strip();
        this.legalName = info.legalName().strip();
        this.registrationNumber = strippedOrNull(info.registrationNumber());
        this.taxNumber = strippedOrNull(info.taxNumber());
        this.phone = info.phone().strip();
        this.email = strippedOrNull(info.email());
    }

    public void locate(GeoPoint point, String address, BigDecimal serviceRadiusKm) {
        requireUnverified("location");
        if (serviceRadiusKm.signum() <= 0) {
            throw new IllegalArgumentException("service radius must be positive");
        }
        this.location = point;
        this.address = address.strip();
        this.serviceRadiusKm = serviceRadiusKm;
    }

    /** The makes the shop carries; may change at any time (it only changes which requests reach the shop). */
    public void carry(Collection<String> newMakes) {
        makes.clear();
        newMakes.forEach(m -> makes.add(normalizeMake(m)));
    }

    public void keepInventoryBy(InventorySource source, Integer estimatedPartCount) {
        this.inventorySource = source;
        this.inventoryPartCount = estimatedPartCount;
    }

    public void priceBy(PricingStrategy strategy, BigDecimal percent) {
        if (strategy.usesPercent() && (percent == null || percent.signum() < 0)) {
            throw new IllegalArgumentException(strategy + " needs a percentage of 0 or more");
        }
        this.pricingStrategy = strategy;
        this.pricingPercent = strategy.usesPercent() ? percent : null;
    }

    /** Whether requests that reach the shop are quoted at once from the stock and prices its desktop synced. */
    public void quoteAutomatically(boolean enabled) {
        this.autoQuote = enabled;
    }

    public boolean quotesAutomatically() {
        return autoQuote;
    }

    /**
     * The unit price this shop quotes, by its pricing strategy, for a part it sells at {@code listMinor} and buys at
     * {@code costMinor} (null when unknown): empty when the strategy needs a figure the shop has not given.
     */
    public OptionalLong quotePriceMinor(long listMinor, Long costMinor) {
        if (pricingStrategy == null || pricingStrategy == PricingStrategy.MANUAL) {
            return OptionalLong.of(listMinor);
        }
        if (pricingStrategy == PricingStrategy.COST_PLUS && costMinor == null) {
            return OptionalLong.empty();
        }
        BigDecimal base = BigDecimal.valueOf(pricingStrategy == PricingStrategy.COST_PLUS ? costMinor : listMinor);
        BigDecimal factor = pricingStrategy == PricingStrategy.COST_PLUS
                ? BigDecimal.ONE.add(pricingPercent.movePointLeft(2))
                : BigDecimal.ONE.subtract(pricingPercent.movePointLeft(2)).max(BigDecimal.ZERO);
        return OptionalLong.of(base.multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The steps done so far; documents live in their own table, so the caller says whether there are any. */
    public Set<OnboardingStep> completedSteps(boolean hasDocuments) {
        Set<OnboardingStep> done = EnumSet.noneOf(OnboardingStep.class);
        if (name != null && legalName != null && phone != null) {
            done.add(OnboardingStep.BUSINESS_INFO);
        }
        if (location != null && address != null && serviceRadiusKm != null) {
            done.add(OnboardingStep.LOCATION);
        }
        if (!makes.isEmpty()) {
            done.add(OnboardingStep.MAKES);
        }
        if (inventorySource != null) {
            done.add(OnboardingStep.INVENTORY);
        }
        if (pricingStrategy != null) {
            done.add(OnboardingStep.PRICING);
        }
        if (hasDocuments) {
            done.add(OnboardingStep.DOCUMENTS);
        }
        return done;
    }

    public Set<OnboardingStep> missingSteps(boolean hasDocuments) {
        Set<OnboardingStep> missing = EnumSet.allOf(OnboardingStep.class);
        missing.removeAll(completedSteps(hasDocuments));
        return missing;
    }

    // ---- the verification lifecycle -----------------------------------------------------------------------

    /** Hands the completed onboarding (or a corrected rejected one) to the platform admins for verification. */
    public void submit(boolean hasDocuments, OffsetDateTime now) {
        if (!isEditableForSubmission()) {
            throw new StateConflictException("The shop is " + words(status) + "; only a shop in onboarding or a rejected one can be submitted.");
        }
        Set<OnboardingStep> missing = missingSteps(hasDocuments);
        if (!missing.isEmpty()) {
            throw new StateConflictException("Onboarding is not complete; still to do: " + missing + ".");
        }
        moveTo(ShopStatus.PENDING_VERIFICATION, null, now);
        submittedAt = now;
    }

    public void verify(OffsetDateTime now) {
        requireStatus(ShopStatus.PENDING_VERIFICATION, "verified");
        moveTo(ShopStatus.ACTIVE, null, now);
    }

    public void reject(String reason, OffsetDateTime now) {
        requireStatus(ShopStatus.PENDING_VERIFICATION, "rejected");
        moveTo(ShopStatus.REJECTED, requireReason(reason), now);
    }

    /** Stops the shop receiving requests and quoting, e.g. after complaints; its data and staff stay. */
    public void suspend(String reason, OffsetDateTime now) {
        requireStatus(ShopStatus.ACTIVE, "suspended");
        moveTo(ShopStatus.SUSPENDED, requireReason(reason), now);
    }

    public void reactivate(OffsetDateTime now) {
        requireStatus(ShopStatus.SUSPENDED, "reactivated");
        moveTo(ShopStatus.ACTIVE, null, now);
    }

    /** Quotes come only from active shops: a suspended shop keeps its screens but cannot sell. */
    public void requireActive() {
        if (status != ShopStatus.ACTIVE) {
            throw new StateConflictException("The shop is " + words(status) + " and cannot quote until it is active.");
        }
    }

    private void requireStatus(ShopStatus expected, String action) {
        if (status != expected) {
            throw new StateConflictException("The shop is " + words(status) + "; only a shop " + words(expected)
                    + " can be " + action + ".");
        }
    }

    /** Whether the shop is being onboarded (or corrected after a rejection) and can be submitted. */
    public boolean isEditableForSubmission() {
        return status == ShopStatus.ONBOARDING || status == ShopStatus.REJECTED;
    }

    /** Business details and location are what a platform admin verified; once submitted they stay as verified. */
    private void requireUnverified(String what) {
        if (!isEditableForSubmission()) {
            throw new StateConflictException("The shop's " + what + " were verified and cannot be changed while it is "
                    + words(status) + "; contact the platform to have a change verified.");
        }
    }

    private void moveTo(ShopStatus next, String reason, OffsetDateTime now) {
        status = next;
        statusReason = reason;
        statusChangedAt = now;
    }

    private static String words(ShopStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A rejection or suspension always says why: the shop's owner sees the reason. */
    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason.strip();
    }

    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Makes are compared without regard to case or surrounding spaces ("toyota " is TOYOTA). */
    public static String normalizeMake(String make) {
        return make.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a parts request for a vehicle of {@code make}, delivered to {@code deliveryPoint}, belongs to this
     * shop: it must be active, carry the make, and the point must lie within its service radius.
     */
    public boolean serves(String make, GeoPoint deliveryPoint) {
        return status == ShopStatus.ACTIVE
                && makes.contains(normalizeMake(make))
                && distanceKmTo(deliveryPoint) <= serviceRadiusKm.doubleValue();
    }

    public double distanceKmTo(GeoPoint point) {
        return location.distanceKmTo(point);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public ShopStatus status() {
        return status;
    }

    public String legalName() {
        return legalName;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String taxNumber() {
        return taxNumber;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public GeoPoint location() {
        return location;
    }

    public String address() {
        return address;
    }

    public BigDecimal serviceRadiusKm() {
        return serviceRadiusKm;
    }

    public Set<String> makes() {
        return Set.copyOf(makes);
    }

    public InventorySource inventorySource() {
        return inventorySource;
    }

    public Integer inventoryPartCount() {
        return inventoryPartCount;
    }

    public PricingStrategy pricingStrategy() {
        return pricingStrategy;
    }

    public BigDecimal pricingPercent() {
        return pricingPercent;
    }

    public String statusReason() {
        return statusReason;
    }

    public OffsetDateTime statusChangedAt() {
        return statusChangedAt;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }
}
