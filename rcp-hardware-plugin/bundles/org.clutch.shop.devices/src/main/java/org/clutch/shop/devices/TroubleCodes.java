package org.clutch.shop.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Trouble codes as SAE J1979 sends them and SAE J2012 names them: two bytes whose top two bits are the system
 * (P powertrain, C chassis, B body, U network), the next two the first digit, then three hex digits. Generic
 * descriptions come from a table kept with this class; each code also names the parts to look at first, so the
 * desktop can turn a code into a catalog search.
 */
public final class TroubleCodes {

    private static final char[] SYSTEMS = {'P', 'C', 'B', 'U'};
    private static final Properties DESCRIPTIONS = load();

    private TroubleCodes() {
    }

    /** The code two bytes stand for: {@code 01 33} is P0133, {@code C1 23} is U0123; {@code 00 00} is no code. */
    public static String decode(int high, int low) {
        int value = (high & 0xFF) << 8 | (low & 0xFF);
        if (value == 0) {
            return null;
        }
        return String.valueOf(SYSTEMS[(high >> 6) & 0x03]) + ((high >> 4) & 0x03)
                + String.format("%03X", value & 0x0FFF);
    }

    public static String describe(String code) {
        String description = DESCRIPTIONS.getProperty(code);
        if (description != null) {
            return description;
        }
        // the second character 1 (and 2 outside the powertrain) marks codes each maker defines for itself
        boolean manufacturer = code.length() == 5 && (code.charAt(1) == '1' || code.charAt(1) == '2' && code.charAt(0) != 'P');
        return manufacturer ? "Manufacturer-specific code: see the maker's service information" : "Code not in the generic table";
    }

    /** A run of codes of one system whose typical faulty parts are the same, most likely first. */
    private record PartsForCodes(char system, int from, int to, List<String> parts) {

        static PartsForCodes of(char system, int from, int to, String... parts) {
            return new PartsForCodes(system, from, to, List.of(parts));
        }

        boolean covers(char codeSystem, int number) {
            return codeSystem == system && number >= from && number <= to;
        }
    }

    /** The parts a mechanic checks first, by code range (SAE J2012 generic codes). */
    private static final List<PartsForCodes> PARTS = List.of(
            PartsForCodes.of('C', 0x0035, 0x0050, "ABS sensor"),
            PartsForCodes.of('P', 0x0100, 0x0104, "Air flow sensor", "Air filter"),
            PartsForCodes.of('P', 0x0115, 0x0119, "Coolant temperature sensor"),
            PartsForCodes.of('P', 0x0120, 0x0124, "Throttle position sensor"),
            PartsForCodes.of('P', 0x2135, 0x2135, "Throttle position sensor"),
            PartsForCodes.of('P', 0x0128, 0x0128, "Thermostat"),
            PartsForCodes.of('P', 0x0130, 0x0167, "Oxygen sensor"),
            PartsForCodes.of('P', 0x0171, 0x0172, "Air flow sensor", "Fuel filter", "Oxygen sensor"),
            PartsForCodes.of('P', 0x0174, 0x0175, "Air flow sensor", "Fuel filter", "Oxygen sensor"),
            PartsForCodes.of('P', 0x0300, 0x0312, "Spark plug", "Ignition coil"),
            PartsForCodes.of('P', 0x0325, 0x0334, "Knock sensor"),
            PartsForCodes.of('P', 0x0335, 0x0339, "Crankshaft sensor"),
            PartsForCodes.of('P', 0x0340, 0x0349, "Camshaft sensor"),
            PartsForCodes.of('P', 0x0350, 0x0362, "Ignition coil"),
            PartsForCodes.of('P', 0x0400, 0x0409, "EGR valve"),
            PartsForCodes.of('P', 0x0420, 0x0434, "Catalytic converter", "Oxygen sensor"),
            PartsForCodes.of('P', 0x0440, 0x0457, "Fuel cap", "Purge valve"),
            PartsForCodes.of('P', 0x0500, 0x0503, "Speed sensor"),
            PartsForCodes.of('P', 0x0505, 0x0507, "Idle control valve"),
            PartsForCodes.of('P', 0x0562, 0x0563, "Alternator", "Battery"),
            PartsForCodes.of('P', 0x0620, 0x0620, "Alternator", "Battery"));

    /** Words to search the catalog with for this code, most likely part first; empty when no part is typical. */
    public static List<String> partsToCheck(String code) {
        if (code == null || code.length() != 5) {
            return List.of();
        }
        int number;
        try {
            number = Integer.parseInt(code.substring(1), 16);
        } catch (NumberFormatException e) {
            return List.of();
        }
        return PARTS.stream().filter(run -> run.covers(code.charAt(0), number)).findFirst()
                .map(PartsForCodes::parts).orElse(List.of());
    }

    private static Properties load() {
        Properties table = new Properties();
        try (InputStream in = TroubleCodes.class.getResourceAsStream("trouble-codes.properties")) {
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
