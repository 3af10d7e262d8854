package org.clutch.shop.devices;

/** Where a device stands and, when it is not connected, why. */
public record DeviceStatus(State state, String message) {

    public enum State { CONNECTED, DISCONNECTED, ERROR }

    public static DeviceStatus connected(String message) {
        return new DeviceStatus(State.CONNECTED, message);
    }

    public static DeviceStatus disconnected() {
        return new DeviceStatus(State.DISCONNECTED, "not connected");
    }

    public static DeviceStatus error(String message) {
        return new DeviceStatus(State.ERROR, message);
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }
}
