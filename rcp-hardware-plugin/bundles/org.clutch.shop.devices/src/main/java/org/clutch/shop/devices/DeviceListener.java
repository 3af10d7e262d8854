package org.clutch.shop.devices;

/** Told about device events, on the driver's thread: a screen hands them to its UI thread itself. */
@FunctionalInterface
public interface DeviceListener {

    void deviceChanged(DeviceEvent event);
}
