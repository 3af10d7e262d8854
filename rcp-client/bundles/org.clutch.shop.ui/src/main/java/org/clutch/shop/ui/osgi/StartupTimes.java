package org.clutch.shop.ui.osgi;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dclutch.shop.startup.times=true}, prints when each step of a launch was reached, in ms since the
 * JVM started (the desktop benchmark shows where launch time goes with it).
 */
public final class StartupTimes {

    private static final boolean ON = Boolean.getBoolean("clutch.shop.startup.times");

    private StartupTimes() {
    }

    public static void mark(String step) {
        if (ON) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("startup " + step + " " + sinceStart + " ms");
        }
    }
}
