package org.clutch.jms;

import java.time.Clock;
import java.time.Instant;

/**
 * A hybrid logical clock for stamping edits that both a shop desktop and head office may make to the same field
 * while apart. A stamp is wall-clock milliseconds shifted left 16 bits plus a counter: it follows real time, never
 * goes backwards, and after {@link #observe seeing} another side's stamp, the next one is later than it, so "the
 * later stamp wins" picks the same value on every side even when their clocks disagree a little.
 */
public final class HybridClock {

    private static final int COUNTER_BITS = 16;

    private final Clock wall;
    private long last;

    /** {@code floor}: a stamp this side issued or saw before (0 if none), so a restart never issues an older one. */
    public HybridClock(Clock wall, long floor) {
        this.wall = wall;
        this.last = floor;
    }

    /** A stamp later than every stamp issued or seen so far. */
    public synchronized long tick() {
        last = Math.max(last + 1, of(wall.instant()));
        return last;
    }

    /** Another side's stamp: what this clock issues next is later. */
    public synchronized void observe(long stamp) {
        last = Math.max(last, stamp);
    }

    /** The stamp of an edit known only by its time (an event of a version without stamps). */
    public static long of(Instant at) {
        return at.toEpochMilli() << COUNTER_BITS;
    }

    public static Instant instantOf(long stamp) {
        return Instant.ofEpochMilli(stamp >>> COUNTER_BITS);
    }
}
