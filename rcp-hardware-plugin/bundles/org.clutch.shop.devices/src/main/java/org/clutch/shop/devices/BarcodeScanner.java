package org.clutch.shop.devices;

import java.util.function.Consumer;

/**
 * A scanner that is not a keyboard (serial, network, simulated): each good read is handed to the scan listeners.
 * A code that looks like a retail barcode (EAN-13, UPC-A, EAN-8) but fails its check digit is a misread: it is
 * reported as an {@link DeviceEvent.Kind#ERROR} event and never reaches the listeners.
 */
public interface BarcodeScanner extends Device {

    /** The Configuration Admin PID a scanner driver takes its settings from. */
    String CONFIGURATION_PID = "org.clutch.shop.devices.scanner";

    void addScanListener(Consumer<String> listener);

    void removeScanListener(Consumer<String> listener);

    /**
     * Hands a code in as if it had been scanned, through the same checks: what a simulated scanner is fed, and
     * what a person keys in at a scanner whose label will not read.
     */
    void feed(String code);
}
