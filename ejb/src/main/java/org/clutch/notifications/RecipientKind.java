package org.clutch.notifications;

/** Who a notification is for: a customer, or a shop (all of its staff). */
public enum RecipientKind {
    CUSTOMER, SHOP
}
