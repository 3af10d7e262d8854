package org.clutch.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class HybridClockTest {

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void stampsFollowTheWallClockAndNeverGoBackwards() {
        HybridClock clock = new HybridClock(Clock.fixed(NOON, ZoneOffset.UTC), 0);
        long first = clock.tick();
        long second = clock.tick();
        assertEquals(HybridClock.of(NOON), first);
        assertTrue(second > first, "the same millisecond still orders the edits");
        assertEquals(NOON, HybridClock.instantOf(second));

        HybridClock restartedBehind = new HybridClock(Clock.fixed(NOON.minusSeconds(60), ZoneOffset.UTC), second);
        assertTrue(restartedBehind.tick() > second, "a wall clock set back does not issue an older stamp");
    }

    @Test
    void afterSeeingAnotherSidesStampTheNextOneIsLater() {
        HybridClock slow = new HybridClock(Clock.fixed(NOON, ZoneOffset.UTC), 0);
        long fromAFastClock = HybridClock.of(NOON.plusSeconds(30));
        slow.observe(fromAFastClock);
        assertTrue(slow.tick() > fromAFastClock);
    }
}
