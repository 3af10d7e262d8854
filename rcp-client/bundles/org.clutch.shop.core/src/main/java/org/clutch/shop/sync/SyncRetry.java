package org.clutch.shop.sync;

import java.time.Duration;

/**
 * How long the sync waits before it tries the marketplace again while it cannot be reached. A broker that restarts
 * is back within a second or two (about one here after a kill), so the first tries come a quarter of a second apart
 * and the shop is back online moments after the broker is; a shop that stays offline is then asked less and less
 * often, up to once a minute, so that it is not slowed by connection attempts.
 */
public final class SyncRetry {

    /** The pause between the first tries. */
    static final Duration QUICK = Duration.ofMillis(250);
    /** How many quick tries before the pauses grow: five seconds' worth. */
    static final int QUICK_TRIES = 20;
    static final Duration FIRST_SLOW = Duration.ofSeconds(5);
    public static final Duration LONGEST = Duration.ofMinutes(1);

    private int tries;
    private Duration slow = FIRST_SLOW;

    /** The pause before the next try, the marketplace having just been out of reach once more. */
    public synchronized Duration next() {
        if (++tries <= QUICK_TRIES) {
            return QUICK;
        }
        Duration pause = slow;
        slow = slow.multipliedBy(2).compareTo(LONGEST) < 0 ? slow.multipliedBy(2) : LONGEST;
        return pause;
    }

    /** The marketplace answered (or someone asked for a sync): the next outage starts with quick tries again. */
    public synchronized void reset() {
        tries = 0;
        slow = FIRST_SLOW;
    }
}
