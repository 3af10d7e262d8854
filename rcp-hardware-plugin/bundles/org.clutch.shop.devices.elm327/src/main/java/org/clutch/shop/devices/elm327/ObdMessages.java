package org.clutch.shop.devices.elm327;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.clutch.shop.devices.DeviceException;
import org.clutch.shop.devices.FreezeFrame;
import org.clutch.shop.devices.TroubleCode;
import org.clutch.shop.devices.TroubleCodes;

/**
 * Turns the adapter's hex lines into OBD messages and decodes them per SAE J1979. With headers off the ELM327
 * prints a CAN multi-frame answer as a byte count line ({@code 014}) and numbered frames ({@code 0: 49 02 01 ...});
 * older protocols and single frames come as plain lines, one message per line (and per engine computer).
 */
final class ObdMessages {

    private ObdMessages() {
    }

    static List<byte[]> messages(List<String> lines) {
        List<byte[]> messages = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).replace(" ", "");
            if (line.matches("[0-9A-Fa-f]{3}")) {
                int count = Integer.parseInt(line, 16);
                StringBuilder frames = new StringBuilder();
                i++;
                while (i < lines.size() && lines.get(i).matches("\\s*[0-9A-Fa-f]\\s*:.*")) {
                    frames.append(lines.get(i).substring(lines.get(i).indexOf(':') + 1).replace(" ", ""));
                    i++;
                }
                byte[] bytes = hex(frames.toString());
                if (bytes.length < count) {
                    throw new DeviceException("The car's answer was cut short: " + bytes.length + " of " + count + " bytes.");
                }
                messages.add(java.util.Arrays.copyOf(bytes, count));
            } else {
                messages.add(hex(line));
                i++;
            }
        }
        return messages;
    }

    /** VIN from service 09 PID 02: one CAN message (49 02 01 + 17 characters) or five numbered legacy lines. */
    static Optional<String> vin(List<String> lines) {
        StringBuilder characters = new StringBuilder();
        for (byte[] message : messages(lines)) {
            if (message.length < 3 || (message[0] & 0xFF) != 0x49 || message[1] != 0x02) {
                continue;
            }
            for (int i = 3; i < message.length; i++) {
                if (message[i] != 0) {
                    characters.append((char) (message[i] & 0xFF));
                }
            }
        }
        if (characters.isEmpty()) {
            return Optional.empty();
        }
        String vin = new String(characters.toString().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        if (vin.length() < 17 || !vin.substring(vin.length() - 17).matches("[A-HJ-NPR-Z0-9]{17}")) {
            throw new DeviceException("The car sent a VIN that is not one: \"" + vin + "\".");
        }
        return Optional.of(vin.substring(vin.length() - 17));
    }

    /**
     * Trouble codes from service 03, 07 or 0A. On CAN the byte after the service is the number of codes; older
     * protocols send three code pairs per line, padded with 00 00.
     */
    static List<TroubleCode> troubleCodes(List<String> lines, int responseService, TroubleCode.Kind kind) {
        List<TroubleCode> codes = new ArrayList<>();
        for (byte[] message : messages(lines)) {
            if (message.length == 0 || (message[0] & 0xFF) != responseService) {
                continue;
            }
            int count = message.length >= 2 ? message[1] & 0xFF : 0;
            boolean canFormat = (message.length - 2) % 2 == 0 && count * 2 == message.length - 2;
            int first = canFormat ? 2 : 1;
            for (int i = first; i + 1 < message.length; i += 2) {
                String code = TroubleCodes.decode(message[i], message[i + 1]);
                if (code != null && codes.stream().noneMatch(c -> c.code().equals(code))) {
                    codes.add(TroubleCode.of(code, kind));
                }
            }
        }
        return codes;
    }

    /** A service 02 answer (42 PID frame A [B]): the data bytes, or null when the car did not send that PID. */
    static int[] freezeFrameData(List<String> lines, int pid) {
        for (byte[] message : messages(lines)) {
            if (message.length >= 4 && (message[0] & 0xFF) == 0x42 && (message[1] & 0xFF) == pid) {
                int[] data = new int[message.length - 3];
                for (int i = 0; i < data.length; i++) {
                    data[i] = message[i + 3] & 0xFF;
                }
                return data;
            }
        }
        return null;
    }

    /** The readings this desktop shows from a freeze frame, with the SAE J1979 formulas for each. */
    enum FreezeFramePid {
        ENGINE_LOAD(0x04, "Engine load", "%") {
            double value(int[] d) { return d[0] * 100.0 / 255; }
        },
        COOLANT(0x05, "Coolant temperature", "°C") {
            double value(int[] d) { return d[0] - 40; }
        },
        SHORT_TRIM(0x06, "Short-term fuel trim (bank 1)", "%") {
            double value(int[] d) { return (d[0] - 128) * 100.0 / 128; }
        },
        LONG_TRIM(0x07, "Long-term fuel trim (bank 1)", "%") {
            double value(int[] d) { return (d[0] - 128) * 100.0 / 128; }
        },
        RPM(0x0C, "Engine speed", "rpm") {
            double value(int[] d) { return (d[0] * 256 + d[1]) / 4.0; }
        },
        SPEED(0x0D, "Vehicle speed", "km/h") {
            double value(int[] d) { return d[0]; }
        },
        THROTTLE(0x11, "Throttle position", "%") {
            double value(int[] d) { return d[0] * 100.0 / 255; }
        };

        final int pid;
        final String label;
        final String unit;

        FreezeFramePid(int pid, String label, String unit) {
            this.pid = pid;
            this.label = label;
            this.unit = unit;
        }

        abstract double value(int[] data);

        FreezeFrame.Reading reading(int[] data) {
            return new FreezeFrame.Reading(label, Math.round(value(data) * 10) / 10.0, unit);
        }
    }

    private static byte[] hex(String text) {
        if (text.length() % 2 != 0 || !text.matches("[0-9A-Fa-f]*")) {
            throw new DeviceException("The adapter sent something that is not OBD data: \"" + text + "\".");
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
