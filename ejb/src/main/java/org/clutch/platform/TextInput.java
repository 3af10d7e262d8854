package org.clutch.platform;

/**
 * The rule for text that anyone sends the platform, in one place for every input (REST bodies and query parameters,
 * partners' messages): no control characters but line breaks and tabs, and no half of a surrogate pair. PostgreSQL
 * refuses a NUL outright, and the others are never meant: they come from broken clients or from someone probing.
 */
public final class TextInput {

    private TextInput() {
    }

    /** The first character of {@code text} the rule refuses, or -1 when there is none. */
    public static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            boolean loneHalf = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneHalf) {
                return c;
            }
        }
        return -1;
    }

    /** Why {@code text} is refused, or null when it is fine. */
    public static String problem(String text) {
        int refused = firstRefused(text);
        return refused < 0 ? null : String.format("must not contain control characters (U+%04X)", refused);
    }
}
