package org.clutch.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;

/**
 * What the rate limit and the scope check add to a request, together, as the MicroProfile Metrics timer
 * {@code clutch.request.guards} ({@code /metrics?scope=application}): the rate limit leaves its time on the request,
 * the scope check adds its own and records the sum.
 */
@ApplicationScoped
public class GuardTimer {

    private static final String SPENT = GuardTimer.class.getName() + ".nanos";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Timer timer;

    private Timer timer() {
        if (timer == null) {
            timer = registry.timer("clutch.request.guards");
        }
        return timer;
    }

    /** The first guard's time, kept on the request for the last one. */
    void spent(ContainerRequestContext request, long startedNanos) {
        request.setProperty(SPENT, System.nanoTime() - startedNanos);
    }

    /** The last guard's time added to the earlier ones', recorded. */
    void record(ContainerRequestContext request, long startedNanos) {
        Object earlier = request.getProperty(SPENT);
        long total = System.nanoTime() - startedNanos + (earlier instanceof Long nanos ? nanos : 0);
        timer().update(Duration.ofNanos(total));
    }
}
