package org.clutch.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clutch.jms.HybridClock;

import java.time.Clock;

/** Head office's hybrid logical clock: stamps its catalog edits, and sees every stamp the desktops send. */
@ApplicationScoped
public class CentralClock {

    private final HybridClock clock;

    @Inject
    public CentralClock(Clock wall) {
        this.clock = new HybridClock(wall, 0);
    }

    /** For CDI's proxy. */
    protected CentralClock() {
        this.clock = null;
    }

    public long tick() {
        return clock.tick();
    }

    public void observe(long stamp) {
        clock.observe(stamp);
    }
}
