package org.clutch.tenancy;

/** Where a shop's stock figures come from: the shop desktop's sync, periodic file imports, or typed in by hand. */
public enum InventorySource {
    DESKTOP_SYNC, FILE_IMPORT, MANUAL
}
