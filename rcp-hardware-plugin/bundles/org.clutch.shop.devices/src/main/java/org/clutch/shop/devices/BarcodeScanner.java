package org.clutch.shop.devices;

import java.util.function.Consumer;

/** A scanner that is not a keyboard (serial, simulated): each scan is handed to the listeners. */
public interface BarcodeScanner extends Device {

    void addScanListener(Consumer<String> listener);

    void removeScanListener(Consumer<String> listener);
}
