package org.clutch.shop.common;

/** Text people type into the shop's records: one line of printable characters, never tabs or other control codes. */
public final class PlainText {

    private PlainText() {
    }

    /** Refuses {@code value} when it holds a control character, naming the field ({@code what}) in the message. */
    public static void check(String what, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new RuleException("The " + what + " contains a tab or another control character; type it without.");
        }
    }
}
