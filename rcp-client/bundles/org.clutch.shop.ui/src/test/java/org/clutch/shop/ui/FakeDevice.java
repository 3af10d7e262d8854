package org.clutch.shop.ui;

import org.clutch.shop.devices.AbstractDevice;
import org.clutch.shop.devices.DeviceStatus;

/** What the screen tests' stand-in devices share: a name, and a link that connecting does not change. */
abstract class FakeDevice extends AbstractDevice {

    private final String id;
    private final String description;

    FakeDevice(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DeviceStatus connect() {
        return status();
    }

    @Override
    public void disconnect() {
    }
}
