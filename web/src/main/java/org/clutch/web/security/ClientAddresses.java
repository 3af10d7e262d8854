package org.clutch.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The client's network address, for rate limits, login throttling and the audit log. Behind a load balancer or TLS
 * proxy listed in {@code clutch.http.trusted-proxies}, it is the nearest address in {@code X-Forwarded-For} that is
 * not one of those proxies; from anyone else the header is ignored, so a client cannot name its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    private final Set<String> trustedProxies;

    @Inject
    public ClientAddresses(@ConfigProperty(name = "clutch.http.trusted-proxies") Optional<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip)
                .filter(a -> !a.isEmpty()).toList());
    }

    ClientAddresses() {
        this.trustedProxies = Set.of();
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() <= 64 ? hop : hop.substring(0, 64);
            }
        }
        return peer;
    }
}
