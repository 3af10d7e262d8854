package org.clutch.tenancy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A shop with its onboarding progress and documents, as its tenant and the platform admins see it. */
public record ShopView(UUID id, UUID tenantId, String name, String legalName, String registrationNumber, String taxNumber,
        String phone, String email, Double latitude, Double longitude, String address, BigDecimal serviceRadiusKm,
        List<String> makes, InventorySource inventorySource, Integer inventoryPartCount, PricingStrategy pricingStrategy,
        BigDecimal pricingPercent, boolean autoQuote, ShopStatus status, String statusReason, OffsetDateTime statusChangedAt,
        OffsetDateTime submittedAt, Onboarding onboarding, List<DocumentView> documents) {

    /** Which steps are done, which are left, and the one to show next (null when none is left or the shop was submitted). */
    public record Onboarding(Set<OnboardingStep> completedSteps, Set<OnboardingStep> missingSteps, OnboardingStep nextStep) {
    }

    public record DocumentView(UUID id, ShopDocument.Kind kind, String fileName, String contentType, int sizeBytes, String sha256,
            OffsetDateTime uploadedAt) {

        static DocumentView of(ShopDocument d) {
            return new DocumentView(d.id(), d.kind(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedAt());
        }
    }

    static ShopView of(Shop s, List<ShopDocument> documents) {
        boolean hasDocuments = !documents.isEmpty();
        Set<OnboardingStep> missing = s.missingSteps(hasDocuments);
        GeoPoint at = s.location();
        return new ShopView(s.id(), s.tenantId(), s.name(), s.legalName(), s.registrationNumber(), s.taxNumber(), s.phone(), s.email(),
                at == null ? null : at.latitude(), at == null ? null : at.longitude(), s.address(), s.serviceRadiusKm(),
                s.makes().stream().sorted().toList(), s.inventorySource(), s.inventoryPartCount(), s.pricingStrategy(),
                s.pricingPercent(), s.quotesAutomatically(), s.status(), s.statusReason(), s.statusChangedAt(), s.submittedAt(),
                new Onboarding(s.completedSteps(hasDocuments), missing, s.isEditableForSubmission()
                        ? missing.stream().findFirst().orElse(null) : null),
                documents.stream().map(DocumentView::of).toList());
    }
}
