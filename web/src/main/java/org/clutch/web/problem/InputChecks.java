package org.clutch.web.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.JsonInput;
import org.clutch.platform.TextInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The platform's input rules ({@link TextInput}, {@link JsonInput}) applied to every query parameter and every JSON
 * body before a resource sees them, so that no field anywhere lets a control character through to the database or has
 * a fraction cut off a whole number: a 400 naming each offending field, and nothing changed.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class InputChecks implements ContainerRequestFilter, ReaderInterceptor {

    @Override
    public void filter(ContainerRequestContext request) {
        List<InvalidInputException.FieldError> problems = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> values.forEach(value -> {
            String problem = TextInput.problem(name + value);
            if (problem != null) {
                problems.add(new InvalidInputException.FieldError(name, problem));
            }
        }));
        refuseIfAny(problems);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext body) throws IOException {
        MediaType type = body.getMediaType();
        if (type != null && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
            byte[] bytes = body.getInputStream().readAllBytes();
            refuseIfAny(JsonInput.problems(new String(bytes, StandardCharsets.UTF_8), body.getGenericType()));
            body.setInputStream(new ByteArrayInputStream(bytes));
        }
        return body.proceed();
    }

    private static void refuseIfAny(List<InvalidInputException.FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
