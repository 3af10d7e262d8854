package org.clutch.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.clutch.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds an API key's token to the key's scopes. An operation open to keys says so with a
 * {@code @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = ...)}, the same annotation that puts its scopes in the
 * OpenAPI document; a key's token is refused (403, naming the scope) on any operation that does not list it or whose
 * scopes the key lacks. People's tokens carry no scopes and pass; their roles decide.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ScopeCheck implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Context
    ResourceInfo resource;

    @Inject
    GuardTimer timer;

    @Override
    public void filter(ContainerRequestContext request) {
        long started = timer.start();
        try {
            check(request);
        } finally {
            timer.record(request, started);
        }
    }

    private void check(ContainerRequestContext request) {
        Optional<Set<String>> granted = caller.keyScopes();
        if (granted.isEmpty() || resource.getResourceMethod() == null) {
            return;
        }
        Optional<SecurityRequirement> requirement = keyRequirement(resource.getResourceMethod());
        if (requirement.isEmpty()) {
            request.abortWith(Problem.of("not-open-to-api-keys", "Not open to API keys", Response.Status.FORBIDDEN,
                    "This operation is for people's accounts; no API key may call it.").toResponse());
            return;
        }
        Set<String> missing = new TreeSet<>(Arrays.asList(requirement.get().scopes()));
        missing.removeAll(granted.get());
        if (!missing.isEmpty()) {
            request.abortWith(Problem.of("missing-scope", "Missing scope", Response.Status.FORBIDDEN,
                    "This operation needs the scope " + String.join(" and ", missing) + ", which this API key does not have"
                            + (granted.get().isEmpty() ? "." : " (it has " + String.join(", ", new TreeSet<>(granted.get())) + ").")).toResponse());
        }
    }

    /** The key scheme's requirement stated on the operation, if it is open to keys at all. */
    static Optional<SecurityRequirement> keyRequirement(Method operation) {
        return List.of(operation.getAnnotationsByType(SecurityRequirement.class)).stream()
                .filter(r -> Scopes.KEY_SCHEME.equals(r.name())).findFirst();
    }
}
