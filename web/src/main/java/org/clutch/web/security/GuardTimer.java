package org.clutch.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * What the rate limit and the scope check add to a request, together, as the MicroProfile Metrics timer
 * {@code clutch.request.guards} ({@code /metrics?scope=application}): the rate limit leaves its time on the request,
 * the scope check adds its own and records the sum. The time is the request thread's CPU time, the work itself: on a
 * busy host the wall-clock time of so short a section is mostly the thread waiting for a core.
 */
@ApplicationScoped
public class GuardTimer {

    private static final String SPENT = GuardTimer.class.getName() + ".nanos";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

    /** Now, on the request thread's CPU clock, for a guard to start from. */
    long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The first guard's time, kept on the request for the last one. */
    void spent(ContainerRequestContext request, long started) {
        request.setProperty(SPENT, THREADS.getCurrentThreadCpuTime() - started);
    }

    /** The last guard's time added to the earlier ones', recorded. */
    void record(ContainerRequestContext request, long started) {
        Object earlier = request.getProperty(SPENT);
        long total = THREADS.getCurrentThreadCpuTime() - started + (earlier instanceof Long nanos ? nanos : 0);
        timer().update(Duration.ofNanos(total));
    }
}
