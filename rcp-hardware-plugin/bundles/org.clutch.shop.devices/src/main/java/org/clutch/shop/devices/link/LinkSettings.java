package org.clutch.shop.devices.link;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach a device, as kept in its Configuration Admin properties: {@code connection} = tcp | serial | file |
 * queue | simulator, with {@code host}/{@code port}, {@code serialPort}/{@code baudRate}, {@code path}, or
 * {@code printerName} (a printer queue installed on the computer).
 */
public record LinkSettings(Kind kind, String host, int port, String serialPort, int baudRate, String path,
        String printerName, int timeoutMillis) {

    public enum Kind {
        TCP("host", "port", "timeoutMillis"),
        SERIAL("serialPort", "baudRate", "timeoutMillis"),
        FILE("path"),
        QUEUE("printerName"),
        SIMULATOR;

        private final List<String> keys;

        Kind(String... keys) {
            this.keys = List.of(keys);
        }

        /** The settings this kind of link reads; the other link settings are ignored while it is chosen. */
        public List<String> keys() {
            return keys;
        }
    }

    /** Every setting a link may read, whatever its kind. */
    public static final List<String> KEYS = List.of("connection", "host", "port", "serialPort", "baudRate", "path",
            "printerName", "timeoutMillis");

    /**
     * Reads the settings from configuration properties; the family's default port, baud rate and answer timeout
     * fill the gaps.
     */
    public static LinkSettings from(Map<String, ?> properties, int defaultPort, int defaultBaudRate,
            int defaultTimeoutMillis) {
        String connection = text(properties, "connection", "simulator").toUpperCase(Locale.ROOT);
        Kind kind;
        try {
            kind = Kind.valueOf(connection);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("connection", "Connection \"" + connection.toLowerCase(Locale.ROOT)
                    + "\" is not tcp, serial, file, queue or simulator.");
        }
        LinkSettings settings = new LinkSettings(kind, text(properties, "host", "127.0.0.1"),
                number(properties, "port", defaultPort), text(properties, "serialPort", ""),
                number(properties, "baudRate", defaultBaudRate), text(properties, "path", ""),
                text(properties, "printerName", ""), number(properties, "timeoutMillis", defaultTimeoutMillis));
        if (kind == Kind.TCP && (settings.port < 1 || settings.port > 65535)) {
            throw new InvalidSettingException("port", "Port " + settings.port + " is not a TCP port (1 to 65535).");
        }
        if (kind == Kind.SERIAL && settings.serialPort.isEmpty()) {
            throw new InvalidSettingException("serialPort", "A serial connection needs the serial port, such as COM3 on Windows or /dev/ttyUSB0 on Linux.");
        }
        if (kind == Kind.FILE && settings.path.isEmpty()) {
            throw new InvalidSettingException("path", "A device file connection needs the file, such as /dev/usb/lp0.");
        }
        if (kind == Kind.QUEUE && settings.printerName.isEmpty()) {
            throw new InvalidSettingException("printerName", "A printer queue connection needs the printer's name as "
                    + "the computer lists it, such as \"EPSON TM-T20III Receipt\".");
        }
        if (kind != Kind.SIMULATOR && settings.timeoutMillis < 1) {
            throw new InvalidSettingException("timeoutMillis", "The answer timeout must be at least 1 ms.");
        }
        return settings;
    }

    public String describe() {
        return switch (kind) {
            case TCP -> host + ":" + port;
            case SERIAL -> serialPort + " at " + baudRate + " baud";
            case FILE -> path;
            case QUEUE -> "printer \"" + printerName + "\"";
            case SIMULATOR -> "simulator";
        };
    }

    /** A setting as text, or the fallback when it is absent or blank. */
    public static String text(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** A whole-number setting, or the fallback when absent; anything else is refused naming the setting. */
    public static int number(Map<String, ?> properties, String key, int fallback) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, key + " \"" + value + "\" is not a whole number.");
        }
    }
}
