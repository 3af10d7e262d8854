package org.clutch.tenancy;

/**
 * Where a shop stands on the platform. A new shop is {@link #ONBOARDING} until its owner submits it; a platform
 * admin then verifies or rejects it. Only {@link #ACTIVE} shops receive parts requests and may quote.
 */
public enum ShopStatus {
    ONBOARDING, PENDING_VERIFICATION, ACTIVE, REJECTED, SUSPENDED
}
