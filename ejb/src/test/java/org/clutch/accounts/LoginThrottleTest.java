package org.clutch.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final LoginThrottle.Policy FIVE_IN_15_MIN = new LoginThrottle.Policy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 21, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theFifthFailureWithinTheWindowLocksForTheLockoutTime() {
        LoginThrottle throttle = new LoginThrottle("account:a@b.c");
        for (int i = 0; i < 4; i++) {
            assertFalse(throttle.recordFailure(T0.plusMinutes(i), FIVE_IN_15_MIN));
        }
        assertEquals(Duration.ZERO, throttle.lockedFor(T0.plusMinutes(4)));
        assertTrue(throttle.recordFailure(T0.plusMinutes(4), FIVE_IN_15_MIN));
        assertEquals(Duration.ofMinutes(15), throttle.lockedFor(T0.plusMinutes(4)));
        assertEquals(Duration.ofMinutes(5), throttle.lockedFor(T0.plusMinutes(14)));
        assertEquals(Duration.ZERO, throttle.lockedFor(T0.plusMinutes(19)), "the lock ends by itself");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        LoginThrottle throttle = new LoginThrottle("account:a@b.c");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(T0, FIVE_IN_15_MIN);
        }
        assertFalse(throttle.recordFailure(T0.plusMinutes(16), FIVE_IN_15_MIN), "a new window starts");
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        LoginThrottle throttle = new LoginThrottle("account:a@b.c");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(T0, FIVE_IN_15_MIN);
        }
        throttle.clear();
        assertFalse(throttle.recordFailure(T0.plusMinutes(1), FIVE_IN_15_MIN));
    }
}
