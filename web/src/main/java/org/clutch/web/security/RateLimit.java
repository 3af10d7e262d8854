package org.clutch.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.clutch.web.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Optional;

/**
 * Every request to the API counts against its client address and, with a token, its principal (the account or API
 * key); past the limit it is answered 429 with {@code Retry-After}, before anything else is done for it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimit implements ContainerRequestFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    ClientAddresses addresses;

    @Inject
    JsonWebToken jwt;

    @Inject
    GuardTimer timer;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String principal = jwt == null ? null : jwt.getSubject(); // authentication's work, not the guard's
        long started = timer.start();
        Optional<RateLimiter.Exceeded> exceeded = limiter.take(addresses.of(http), principal);
        if (exceeded.isPresent()) {
            Duration wait = exceeded.get().retryAfter();
            request.abortWith(Problem.of("rate-limited", "Too many requests", Response.Status.TOO_MANY_REQUESTS,
                    "Too many requests " + (exceeded.get().byAddress() ? "from this address" : "by this account or API key")
                            + "; try again in " + Problem.retryAfterSeconds(wait) + " second(s).").toResponse(wait));
        }
        timer.spent(request, started);
    }
}
