package org.clutch.partners;

import jakarta.ejb.ApplicationException;

import java.util.List;

import org.clutch.platform.InvalidInputException;

/**
 * A partner's message the platform will not take, with a stable code for the partner's system and the reason in
 * words (and, for invalid content, each field's error). Nothing of the message is applied.
 */
@ApplicationException(rollback = true)
public class PartnerRefusal extends RuntimeException {

    /** The codes, as documented in docs/partners/README.md. */
    public enum Code {
        MALFORMED_ENVELOPE("malformed-envelope"), MALFORMED_BODY("malformed-body"), INVALID("invalid"),
        UNKNOWN_TYPE("unknown-type"), UNSUPPORTED_VERSION("unsupported-version"), NOT_FOUND("not-found"),
        STATE_CONFLICT("state-conflict"), NOT_ALLOWED("not-allowed"), TOO_LARGE("too-large");

        private final String text;

        Code(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Code code;
    private final List<InvalidInputException.FieldError> fieldErrors;

    public PartnerRefusal(Code code, String reason) {
        this(code, reason, List.of());
    }

    public PartnerRefusal(Code code, String reason, List<InvalidInputException.FieldError> fieldErrors) {
        super(reason);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public Code code() {
        return code;
    }

    public List<InvalidInputException.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
