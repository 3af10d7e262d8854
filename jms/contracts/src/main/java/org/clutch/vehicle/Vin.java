package org.clutch.vehicle;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A 17-character Vehicle Identification Number (ISO 3779, with the North American check digit in position 9).
 * {@link #parse} rejects malformed VINs and wrong check digits; the VIN then tells its manufacturer (from the
 * world manufacturer identifier, positions 1-3) and its possible model years (position 10).
 */
public final class Vin {

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    /** Model-year codes in order from 1980 (A) through 2009 (9); the cycle repeats every 30 years. */
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

    /** World manufacturer identifiers of common makes (first three characters, or first two for a whole range). */
    private static final Map<String, String> MANUFACTURERS = Map.ofEntries(
            Map.entry("JT", "Toyota"), Map.entry("4T1", "Toyota"), Map.entry("5TD", "Toyota"), Map.entry("2T1", "Toyota"),
            Map.entry("SB1", "Toyota"), Map.entry("JN", "Nissan"), Map.entry("1N4", "Nissan"), Map.entry("JM", "Mazda"),
            Map.entry("JHM", "Honda"), Map.entry("1HG", "Honda"), Map.entry("2HG", "Honda"), Map.entry("5FN", "Honda"),
            Map.entry("JA", "Mitsubishi"), Map.entry("JF", "Subaru"), Map.entry("JS", "Suzuki"),
            Map.entry("KM", "Hyundai"), Map.entry("5NP", "Hyundai"), Map.entry("KN", "Kia"),
            Map.entry("WVW", "Volkswagen"), Map.entry("WVG", "Volkswagen"), Map.entry("3VW", "Volkswagen"),
            Map.entry("1VW", "Volkswagen"), Map.entry("WAU", "Audi"), Map.entry("WBA", "BMW"), Map.entry("WBS", "BMW"),
            Map.entry("5UX", "BMW"), Map.entry("WDB", "Mercedes-Benz"), Map.entry("WDD", "Mercedes-Benz"),
            Map.entry("W1K", "Mercedes-Benz"), Map.entry("WP0", "Porsche"), Map.entry("VF1", "Renault"),
            Map.entry("VF3", "Peugeot"), Map.entry("VF7", "Citroen"), Map.entry("ZFA", "Fiat"), Map.entry("YV1", "Volvo"),
            Map.entry("SAL", "Land Rover"), Map.entry("SAJ", "Jaguar"), Map.entry("1FA", "Ford"), Map.entry("1FT", "Ford"),
            Map.entry("1FM", "Ford"), Map.entry("WF0", "Ford"), Map.entry("1G1", "Chevrolet"), Map.entry("1GC", "Chevrolet"),
            Map.entry("2G1", "Chevrolet"), Map.entry("1GT", "GMC"), Map.entry("1C4", "Chrysler/Jeep"),
            Map.entry("1J4", "Jeep"), Map.entry("5YJ", "Tesla"), Map.entry("MA1", "Mahindra"), Map.entry("MAT", "Tata"));

    /** Letters never used in a VIN, because they read like 1 and 0. */
    private static final Set<Character> NOT_ALLOWED = Set.of('I', 'O', 'Q');
    /** Values of A..Z in the check-digit sum (ISO 3779 / 49 CFR 565); I, O and Q never occur. */
    private static final String TRANSLITERATION = "12345678012345070923456789";

    private final String value;

    private Vin(String value) {
        this.value = value;
    }

    /** Parses a VIN, ignoring case and surrounding spaces; the message of the exception is fit for a user. */
    public static Vin parse(String raw) {
        String vin = raw.strip().toUpperCase(Locale.ROOT);
        if (vin.length() != 17) {
            throw new IllegalArgumentException("a VIN has 17 characters, this one has " + vin.length());
        }
        for (int i = 0; i < vin.length(); i++) {
            char c = vin.charAt(i);
            if (NOT_ALLOWED.contains(c)) {
                throw new IllegalArgumentException("a VIN never contains I, O or Q (position " + (i + 1) + ")");
            }
            if (!Character.isDigit(c) && LETTERS.indexOf(c) < 0) {
                throw new IllegalArgumentException("a VIN holds only letters and digits (position " + (i + 1) + ")");
            }
        }
        char expected = checkDigit(vin);
        if (vin.charAt(8) != expected) {
            throw new IllegalArgumentException("check digit (position 9) is " + vin.charAt(8) + " but should be " + expected
                    + ": the VIN has a typo");
        }
        return new Vin(vin);
    }

    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(vin.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static int transliterate(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        return TRANSLITERATION.charAt(c - 'A') - '0';
    }

    public String value() {
        return value;
    }

    /** The manufacturer named by the world manufacturer identifier, where it is one we know. */
    public Optional<String> manufacturer() {
        String wmi = value.substring(0, 3);
        String name = MANUFACTURERS.get(wmi);
        return Optional.ofNullable(name != null ? name : MANUFACTURERS.get(wmi.substring(0, 2)));
    }

    /**
     * Whether {@code year} is a model year this VIN can encode. Position 10 repeats every 30 years (A is 1980 and
     * 2010), so the VIN alone cannot tell 1985 from 2015; the stated year settles it.
     */
    public boolean allowsModelYear(int year) {
        int index = YEAR_CODES.indexOf(value.charAt(9));
        return index >= 0 && year >= 1980 && (year - 1980) % 30 == index;
    }

    /** The model years the VIN can encode in the window [1980, 2069]. */
    public int[] possibleModelYears() {
        int index = YEAR_CODES.indexOf(value.charAt(9));
        return index < 0 ? new int[0] : new int[] {1980 + index, 2010 + index, 2040 + index};
    }

    /**
     * The model year of a car read from its VIN alone (no year stated), as of {@code currentYear}: of the years
     * position 10 can mean, the one that is not in the future (next year's models are on sale from mid-year). For
     * North American cars and light trucks (first character 1-5) position 7 settles the 30-year cycle itself: a digit
     * there means 1980-2009, a letter 2010-2039.
     */
    public OptionalInt likelyModelYear(int currentYear) {
        int[] years = possibleModelYears();
        if (years.length == 0) {
            return OptionalInt.empty();
        }
        int latestOnSale = currentYear + 1;
        if (value.charAt(0) >= '1' && value.charAt(0) <= '5') {
            int year = Character.isDigit(value.charAt(6)) ? years[0] : years[1];
            return year <= latestOnSale ? OptionalInt.of(year) : OptionalInt.empty();
        }
        for (int i = years.length - 1; i >= 0; i--) {
            if (years[i] <= latestOnSale) {
                return OptionalInt.of(years[i]);
            }
        }
        return OptionalInt.empty();
    }

    /** What the VIN tells of the car, for a person: "Honda, model year 2003". */
    public String describe(int currentYear) {
        String maker = manufacturer().orElse("maker not known (" + value.substring(0, 3) + ")");
        OptionalInt year = likelyModelYear(currentYear);
        return year.isPresent() ? maker + ", model year " + year.getAsInt() : maker;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vin v && v.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
