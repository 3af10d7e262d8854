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
        if (code.charAt(0) == 'C') {
            return number >= 0x0035 && number <= 0x0050 ? List.of("ABS sensor") : List.of();
        }
        if (code.charAt(0) != 'P') {
            return List.of();
        }
        if (number >= 0x0100 && number <= 0x0104) {
            return List.of("Air flow sensor", "Air filter");
        }
        if (number >= 0x0115 && number <= 0x0119) {
            return List.of("Coolant temperature sensor");
        }
        if (number >= 0x0120 && number <= 0x0124 || number == 0x2135) {
            return List.of("Throttle position sensor");
        }
        if (number == 0x0128) {
            return List.of("Thermostat");
        }
        if (number >= 0x0130 && number <= 0x0167) {
            return List.of("Oxygen sensor");
        }
        if (number == 0x0171 || number == 0x0172 || number == 0x0174 || number == 0x0175) {
            return List.of("Air flow sensor", "Fuel filter", "Oxygen sensor");
        }
        if (number >= 0x0300 && number <= 0x0312) {
            return List.of("Spark plug", "Ignition coil");
        }
        if (number >= 0x0325 && number <= 0x0334) {
            return List.of("Knock sensor");
        }
        if (number >= 0x0335 && number <= 0x0339) {
            return List.of("Crankshaft sensor");
        }
        if (number >= 0x0340 && number <= 0x0349) {
            return List.of("Camshaft sensor");
        }
        if (number >= 0x0350 && number <= 0x0362) {
            return List.of("Ignition coil");
        }
        if (number >= 0x0400 && number <= 0x0409) {
            return List.of("EGR valve");
        }
        if (number >= 0x0420 && number <= 0x0434) {
            return List.of("Catalytic converter", "Oxygen sensor");
        }
        if (number >= 0x0440 && number <= 0x0457) {
            return List.of("Fuel cap", "Purge valve");
        }
        if (number >= 0x0500 && number <= 0x0503) {
            return List.of("Speed sensor");
        }
        if (number >= 0x0505 && number <= 0x0507) {
            return List.of("Idle control valve");
        }
        if (number == 0x0562 || number == 0x0563 || number == 0x0620) {
            return List.of("Alternator", "Battery");
        }
        return List.of();
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
