package org.clutch.shop.staff;

/** A clerk sells, receives and counts; a manager also voids, approves large returns, changes prices and adjusts stock. */
public enum Role {
    CLERK, MANAGER
}
