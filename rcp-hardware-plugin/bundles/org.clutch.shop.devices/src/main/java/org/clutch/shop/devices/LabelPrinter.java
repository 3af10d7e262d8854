package org.clutch.shop.devices;

/** A label printer for shelf edges and part bags. */
public interface LabelPrinter extends Device {

    /** The Configuration Admin PID a label printer driver takes its settings from. */
    String CONFIGURATION_PID = "org.clutch.shop.devices.label";

    /** Where this printer's labels put each field, for an on-screen preview of exactly what it prints. */
    LabelLayout layout();

    void print(Label label, int copies);
}
