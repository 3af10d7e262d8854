package org.clutch.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and meant for programs; {@code detail} is for people;
 * {@code errors} lists each offending field of a validation failure.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final String TYPE_BASE = "https://clutch.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, Response.Status status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status.getStatusCode(), detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + "validation", "Invalid input", 400, detail, errors);
    }

    /** The answer, saying when to try again: in whole seconds, never before {@code retryAfter} has passed. */
    public Response toResponse(Duration retryAfter) {
        return Response.fromResponse(toResponse()).header("Retry-After", retryAfterSeconds(retryAfter)).build();
    }

    /** A wait as Retry-After says it: whole seconds, rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The answer; one that says the service is busy also says when to try again. */
    public Response toResponse() {
        Response.ResponseBuilder answer = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            answer.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }
}
