package org.clutch.shop.devices.link;

/** A device setting that cannot be used, naming the setting so that a settings form can point at its field. */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The configuration property at fault, such as {@code serialPort}. */
    public String key() {
        return key;
    }
}
