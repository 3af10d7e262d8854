package org.clutch.shop.devices;

/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" a whole code in a burst (a few ms per
 * key) and ends it with Enter; people need 80 ms or more per key. Feed every key with its time; a code comes back
 * when Enter closes a burst of at least {@code minLength} keys, each within {@code maxGapMillis} of the last.
 */
public final class KeystrokeBurst {

    public static final int DEFAULT_MAX_GAP_MILLIS = 35;
    public static final int DEFAULT_MIN_LENGTH = 6;

    private final long maxGapMillis;
    private final int minLength;
    private final StringBuilder burst = new StringBuilder();
    private long lastKeyAt = Long.MIN_VALUE;

    public KeystrokeBurst() {
        this(DEFAULT_MAX_GAP_MILLIS, DEFAULT_MIN_LENGTH);
    }

    public KeystrokeBurst(long maxGapMillis, int minLength) {
        this.maxGapMillis = maxGapMillis;
        this.minLength = minLength;
    }

    /** A printable key; a slow one starts a new burst, as a person's typing does. */
    public void key(char c, long atMillis) {
        if (burst.length() > 0 && atMillis - lastKeyAt > maxGapMillis) {
            burst.setLength(0);
        }
        burst.append(c);
        lastKeyAt = atMillis;
    }

    /** Enter: the scanned code when the keys since the last pause came as a scanner sends them, else null. */
    public String enter(long atMillis) {
        String code = burst.length() >= minLength && atMillis - lastKeyAt <= maxGapMillis ? burst.toString() : null;
        burst.setLength(0);
        return code;
    }
}
