package org.clutch.tenancy;

/** Where a shop stands on the platform; only {@link #ACTIVE} shops receive parts requests. */
public enum ShopStatus {
    PENDING_VERIFICATION, ACTIVE, SUSPENDED, REJECTED
}
