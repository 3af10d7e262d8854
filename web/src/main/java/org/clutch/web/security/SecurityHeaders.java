package org.clutch.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers every answer carries, errors included (set again when the container dispatches to its error page, which
 * starts the answer afresh): nothing a browser may guess the type of, no referrer passed on;
 * an answer to an authenticated request is never cached (a shared proxy or the device would keep someone's data);
 * over HTTPS (directly, or as the TLS-terminating proxy in front says) browsers are told to use HTTPS only.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC})
public class SecurityHeaders implements Filter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getHeader("Authorization") != null) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(req, res);
    }
}
