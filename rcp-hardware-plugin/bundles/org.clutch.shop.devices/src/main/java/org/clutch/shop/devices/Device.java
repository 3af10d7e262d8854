package org.clutch.shop.devices;

/**
 * A piece of shop hardware behind a driver. Drivers are Declarative Services components configured through
 * Configuration Admin; the desktop finds them as services and keeps working without them.
 */
public interface Device {

    /** The family's configuration PID plus a name, e.g. {@code receipt-printer}; stable across restarts. */
    String id();

    /** What and where, for people: "ESC/POS printer at 192.168.1.40:9100". */
    String description();

    DeviceStatus status();

    /** Opens the link and checks the device answers; an unreachable device ends in status ERROR, not an exception. */
    DeviceStatus connect();

    void disconnect();

    void addListener(DeviceListener listener);

    void removeListener(DeviceListener listener);
}
