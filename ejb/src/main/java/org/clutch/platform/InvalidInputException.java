package org.clutch.platform;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * Input that passed the shape checks but breaks a business rule (a VIN whose check digit is wrong, a quote
 * line that does not belong to the request). Carries one entry per offending field.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> fieldErrors;

    public InvalidInputException(List<FieldError> fieldErrors) {
        super(fieldErrors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
