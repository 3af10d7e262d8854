package org.clutch.tenancy;

/** The steps of shop onboarding, in the order the apps present them. Each can be done again until submission. */
public enum OnboardingStep {
    BUSINESS_INFO, LOCATION, MAKES, INVENTORY, PRICING, DOCUMENTS
}
