package org.clutch.shop.common;

import org.clutch.jms.CustomerFields;

/** How optional details people type (phone, e-mail, notes) are checked and stored, for customers and suppliers alike. */
public final class ContactDetails {

    private ContactDetails() {
    }

    /** Refuses an e-mail address that cannot be one (as head office does); an empty one is fine (it is optional). */
    public static void requireValidEmail(String email) {
        if (email != null && !email.isBlank() && !email.trim().matches(CustomerFields.EMAIL_PATTERN)) {
            throw new RuleException("\"" + email.trim() + "\" is not an e-mail address.");
        }
    }

    /** An optional detail as stored: trimmed, or null when nothing was typed. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
