package org.clutch.shop.devices;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Status and listeners, kept alike for every driver: a change of state is told to listeners once. */
public abstract class AbstractDevice implements Device {

    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceStatus status = DeviceStatus.disconnected();

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public void addListener(DeviceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    protected void connected(String message) {
        boolean changed = !status.isConnected();
        status = DeviceStatus.connected(message);
        if (changed) {
            fire(DeviceEvent.Kind.CONNECTED, message);
        }
    }

    /** The device went away while in use (unplugged, switched off, network down). */
    protected void lost(String message) {
        boolean wasConnected = status.isConnected();
        status = DeviceStatus.error(message);
        fire(wasConnected ? DeviceEvent.Kind.LOST : DeviceEvent.Kind.ERROR, message);
    }

    /** Something went wrong with one request while the device stays as it was (a misread, a refused command). */
    protected void error(String message) {
        fire(DeviceEvent.Kind.ERROR, message);
    }

    protected void disconnected() {
        status = DeviceStatus.disconnected();
    }

    private void fire(DeviceEvent.Kind kind, String message) {
        DeviceEvent event = new DeviceEvent(id(), kind, message, Instant.now());
        for (DeviceListener listener : listeners) {
            listener.deviceChanged(event);
        }
    }
}
