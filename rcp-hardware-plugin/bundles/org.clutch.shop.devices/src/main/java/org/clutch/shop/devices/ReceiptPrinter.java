package org.clutch.shop.devices;

/** A till roll printer. A cash drawer wired to it opens through it. */
public interface ReceiptPrinter extends Device {

    /** The Configuration Admin PID a receipt printer driver takes its settings from. */
    String CONFIGURATION_PID = "org.clutch.shop.devices.receipt";

    /** Characters in a line of the normal font on this printer's paper (48 on 80 mm, 32 on 58 mm). */
    int columns();

    /** Prints the receipt and cuts the paper; opens the drawer first when the receipt asks for it. */
    void print(ReceiptDocument receipt);
}
