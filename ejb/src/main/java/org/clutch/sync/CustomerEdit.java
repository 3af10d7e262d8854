package org.clutch.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.clutch.jms.CustomerFields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Head office's change to a shop's customer: the fields given change, the others stay. An empty phone or e-mail
 * clears it; the name cannot be cleared. The checks are the desktop's, so whatever head office saves the desktop
 * takes.
 */
public record CustomerEdit(
        @Size(max = CustomerFields.NAME_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = CustomerFields.PHONE_LENGTH) String phone,
        @Size(max = CustomerFields.EMAIL_LENGTH)
        @Pattern(regexp = "\\s*(" + CustomerFields.EMAIL_PATTERN + ")?\\s*", message = "is not an e-mail address") String email,
        @PositiveOrZero @Max(1_000_000_000_000L) Long creditLimitMinor) {

    /** The fields given, by {@link CustomerFields} name, as the mirror stores them (trimmed; cleared is null). */
    Map<String, Object> changes() {
        Map<String, Object> given = new LinkedHashMap<>();
        if (name != null) {
            given.put(CustomerFields.NAME, name.trim());
        }
        if (phone != null) {
            given.put(CustomerFields.PHONE, phone.isBlank() ? null : phone.trim());
        }
        if (email != null) {
            given.put(CustomerFields.EMAIL, email.isBlank() ? null : email.trim());
        }
        if (creditLimitMinor != null) {
            given.put(CustomerFields.CREDIT_LIMIT, creditLimitMinor);
        }
        return given;
    }
}
