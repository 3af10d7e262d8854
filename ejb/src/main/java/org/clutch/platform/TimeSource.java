package org.clutch.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one clock of the application, UTC, so that rules about time can be tested with a fixed clock. */
@ApplicationScoped
public class TimeSource {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
