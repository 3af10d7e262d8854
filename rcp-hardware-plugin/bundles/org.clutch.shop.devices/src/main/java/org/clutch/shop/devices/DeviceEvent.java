package org.clutch.shop.devices;

import java.time.Instant;

/** Something that happened to a device: it connected, was lost (unplugged, out of reach) or reported an error. */
public record DeviceEvent(String deviceId, Kind kind, String message, Instant at) {

    public enum Kind { CONNECTED, LOST, ERROR }
}
