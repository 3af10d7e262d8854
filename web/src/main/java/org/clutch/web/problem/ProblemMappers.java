package org.clutch.web.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.clutch.orders.PaymentDeclinedException;
import org.clutch.platform.IdempotencyKeyReusedException;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.PermissionDeniedException;
import org.clutch.platform.StateConflictException;
import org.clutch.platform.TransactionLocks;

import java.sql.SQLException;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into problem+json with the right status: the caller never sees a stack trace, and bad
 * input never becomes a 500. Each mapper is small; {@link #problemFor} is the one place that decides.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    /** A lock not had in time ({@link TransactionLocks#LOCK_NOT_AVAILABLE}), a deadlock broken by PostgreSQL. */
    private static final Set<String> BUSY_STATES = Set.of(TransactionLocks.LOCK_NOT_AVAILABLE, "40P01");

    private ProblemMappers() {
    }

    static Problem problemFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                return validation(cve);
            }
            if (t instanceof InvalidInputException iie) {
                return Problem.invalid(iie.getMessage(),
                        iie.fieldErrors().stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList());
            }
            if (t instanceof NotFoundException) {
                return Problem.of("not-found", "Not found", Response.Status.NOT_FOUND, t.getMessage());
            }
            if (t instanceof PermissionDeniedException) {
                return Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN, "Your role does not allow this.");
            }
            if (t instanceof StateConflictException) {
                return Problem.of("state-conflict", "Not allowed in the current state", Response.Status.CONFLICT, t.getMessage());
            }
            if (t instanceof IdempotencyKeyReusedException) {
                return new Problem("https://clutch.dev/problems/idempotency-key-reused", "Idempotency-Key reused", 422,
                        t.getMessage(), null);
            }
            if (t instanceof PaymentDeclinedException) {
                return Problem.of("payment-declined", "Payment declined", Response.Status.PAYMENT_REQUIRED, t.getMessage());
            }
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
                return Problem.of("concurrent-change", "Changed by someone else", Response.Status.CONFLICT,
                        "Someone else changed this at the same moment; reload it and try again.");
            }
            if (t instanceof SQLException sql && BUSY_STATES.contains(sql.getSQLState())) {
                return Problem.of("busy", "Busy", Response.Status.SERVICE_UNAVAILABLE,
                        "Many changes to this reached us at once and nothing was changed by this call; try again in a moment.");
            }
            if (t instanceof PayloadTooLargeException) {
                return Problem.of("payload-too-large", "Request body too large", Response.Status.REQUEST_ENTITY_TOO_LARGE, t.getMessage());
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return Problem.of("malformed-body", "Malformed JSON", Response.Status.BAD_REQUEST,
                        "The request body is not valid JSON of the expected shape: " + rootMessage(t));
            }
            if (t instanceof WebApplicationException wae && !(t.getCause() instanceof JsonbException)) {
                int status = wae.getResponse().getStatus();
                boolean tokenRefused = status == 403 && wae.getMessage() != null && wae.getMessage().startsWith("the token");
                return forStatus(status, tokenRefused ? wae.getMessage() : null);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "event=unhandled-failure incident=" + incident, failure);
        return Problem.of("internal", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side (incident " + incident + ").");
    }

    /**
     * The problem for a bare HTTP status: one a resource or filter answered without saying more, or one the server gave
     * before any resource ran (no route, no valid token, a malformed request). {@code detail} replaces the usual words.
     */
    public static Problem forStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : status == 431 ? "Request Header Fields Too Large" : "Error";
        String words = detail != null ? detail : switch (status) {
            case 400 -> "The request is malformed (its address, headers or body).";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource answers in application/json.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 415 -> "Send the body as application/json.";
            case 431 -> "The request's headers are too large.";
            case 501 -> "This method is not supported.";
            default -> title + ".";
        };
        return new Problem("https://clutch.dev/problems/http-" + status, title, status, words, null);
    }

    private static Problem validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(errors.size() + " field(s) are invalid", errors);
    }

    /**
     * The path of a violation as the client knows it: "vehicle.make", "lines[0].quantity", "size" — without the
     * Java method and parameter names that Bean Validation puts in front of a request body's fields.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        if (parts.length == 3) {
            return parts[2];
        }
        return parts.length == 2 ? parts[1] : path;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    @Provider
    public static class AnyFailure implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return problemFor(e).toResponse();
        }
    }

    @Provider
    public static class WebFailure implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            return problemFor(e).toResponse();
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return validation(e).toResponse();
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return problemFor(e).toResponse();
        }
    }

    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            return problemFor(e).toResponse();
        }
    }
}
