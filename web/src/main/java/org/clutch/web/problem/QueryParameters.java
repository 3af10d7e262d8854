package org.clutch.web.problem;

import org.clutch.platform.InvalidInputException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parses optional query parameters, collecting one field error per bad value, so that a malformed filter is a
 * 400 naming the parameter (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParameters {

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public UUID uuid(String name, String value) {
        return parse(name, value, UUID::fromString, "must be a UUID");
    }

    public OffsetDateTime timestamp(String name, String value) {
        return parse(name, value, OffsetDateTime::parse, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-21T08:00:00Z");
    }

    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        return parse(name, value, v -> Enum.valueOf(type, v), "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** An entity tag carrying a record's version, as in {@code If-Match: "3"} (the quotes may be left out). */
    public Long version(String name, String value) {
        return parse(name, value, v -> {
            String bare = v.startsWith("W/") ? v.substring(2) : v;
            bare = bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"") ? bare.substring(1, bare.length() - 1) : bare;
            long version = Long.parseLong(bare);
            if (version < 0) {
                throw new IllegalArgumentException("negative");
            }
            return version;
        }, "must be the version you read, as an entity tag such as \"3\"");
    }

    /** Records an error unless the parameter was given. */
    public void require(String name, String value) {
        if (value == null || value.isBlank()) {
            reject(name, "is required");
        }
    }

    public void reject(String name, String message) {
        errors.add(new InvalidInputException.FieldError(name, message));
    }

    /** Throws the collected field errors, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private <T> T parse(String name, String value, Function<String, T> parser, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new InvalidInputException.FieldError(name, message));
            return null;
        }
    }
}
