package org.clutch.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.clutch.accounts.ActiveSessions;
import org.clutch.web.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a valid-looking access token whose session has ended (logout, revocation, refresh-token theft), so
 * ending a session takes effect at once rather than when its tokens expire. Runs before the role checks.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionCheck implements ContainerRequestFilter {

    @Inject
    JsonWebToken jwt;

    @Inject
    Caller caller;

    @Inject
    ActiveSessions sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        if (jwt == null || jwt.getRawToken() == null) {
            return;
        }
        if (!sessions.isActive(caller.actor().sessionId())) {
            request.abortWith(Problem.of("session-ended", "Session ended", jakarta.ws.rs.core.Response.Status.UNAUTHORIZED,
                    "This session has ended (logged out or revoked); log in again.").toResponse());
        }
    }
}
