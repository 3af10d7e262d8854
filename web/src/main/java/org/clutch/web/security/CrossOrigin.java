package org.clutch.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import org.clutch.web.problem.Problem;
import org.clutch.web.problem.ProblemPage;

import java.io.IOException;

/**
 * CORS for the API: a browser app at an origin the {@link OriginPolicy} allows may call it (bearer tokens only, no
 * cookies, so no credentials mode); any other origin gets no CORS headers, so the browser keeps the answer from it,
 * and its preflight is refused. Calls without an {@code Origin} (mobile apps, servers) are not concerned.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CrossOrigin implements Filter {

    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String REQUEST_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match";
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After";

    @Inject
    OriginPolicy policy;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(req, res);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = policy.allows(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (allowed) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.setHeader("Access-Control-Allow-Methods", METHODS);
                response.setHeader("Access-Control-Allow-Headers", REQUEST_HEADERS);
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                ProblemPage.write(response, Problem.of("origin-not-allowed", "Origin not allowed", Response.Status.FORBIDDEN,
                        "This origin is not among those allowed to call the API from a browser; a tenant admin lists its "
                                + "apps' origins in the tenant's settings (allowedOrigins)."));
            }
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(req, res);
    }
}
