package org.clutch.shop.db;

import java.nio.file.Path;

/** The shop's data is open in another desktop on this computer; opening it twice would corrupt it. */
public class ShopInUseException extends RuntimeException {

    public ShopInUseException(Path directory) {
        super("Clutch shop is already running on this computer (its data in " + directory + " is open). "
                + "Switch to that window instead of starting it again.");
    }
}
