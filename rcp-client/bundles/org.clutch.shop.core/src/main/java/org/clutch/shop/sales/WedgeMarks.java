package org.clutch.shop.sales;

import java.util.Optional;

import org.clutch.shop.common.PlainText;
import org.clutch.shop.common.RuleException;

/**
 * What a keyboard-wedge scanner can be set to type before and after each code (a prefix such as "]E0", the AIM
 * identifier of an EAN-13, or a character like "~"), so that the till knows a scan from typing by the marks, not by
 * the speed of the keys. Both empty: not configured.
 */
public record WedgeMarks(String prefix, String suffix) {

    public static final WedgeMarks NONE = new WedgeMarks("", "");

    public WedgeMarks {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        PlainText.check("scanner prefix", prefix);
        PlainText.check("scanner suffix", suffix);
        if (prefix.length() > 8 || suffix.length() > 8) {
            throw new RuleException("A scanner prefix or suffix is at most 8 characters.");
        }
        if (prefix.isEmpty() && !suffix.isEmpty()) {
            throw new RuleException("Set a prefix as well: a suffix alone cannot tell a scan from typing.");
        }
    }

    public boolean isConfigured() {
        return !prefix.isEmpty();
    }

    /** The code inside {@code typed} when it carries the scanner's marks; empty when it was typed by a person. */
    public Optional<String> codeIn(String typed) {
        if (!isConfigured() || typed == null || !typed.startsWith(prefix) || !typed.endsWith(suffix)
                || typed.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(typed.substring(prefix.length(), typed.length() - suffix.length()).trim());
    }
}
