package org.clutch.shop.devices;

/** A device could not do what was asked: not reachable, out of paper, no answer in time, a protocol error. */
public class DeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
