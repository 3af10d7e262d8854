package org.clutch.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clutch.tenancy.AllowedOrigins;
import org.clutch.tenancy.WebOrigin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may call the API: those tenants list in their settings, and the platform's own
 * ({@code clutch.cors.origins}, such as the web console's). Read from the database again at most every
 * {@code clutch.cors.refresh}, and at once on this node after a tenant's settings change.
 */
@ApplicationScoped
public class OriginPolicy {

    @Inject
    AllowedOrigins tenants;

    @Inject
    @ConfigProperty(name = "clutch.cors.origins")
    Optional<String> platformOrigins;

    @Inject
    @ConfigProperty(name = "clutch.cors.refresh", defaultValue = "PT30S")
    Duration refresh;

    private volatile Set<String> allowed = Set.of();
    private volatile long readAt = Long.MIN_VALUE;

    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > refresh.toNanos()) {
            Set<String> read = new HashSet<>(tenants.all());
            Arrays.stream(platformOrigins.orElse("").split(",")).map(WebOrigin::normalise).flatMap(Optional::stream).forEach(read::add);
            allowed = Set.copyOf(read);
            readAt = now;
        }
        return WebOrigin.normalise(origin).map(allowed::contains).orElse(false);
    }

    /** A tenant's origins changed: read them again on the next cross-origin call. */
    public void forget() {
        readAt = Long.MIN_VALUE;
    }
}
