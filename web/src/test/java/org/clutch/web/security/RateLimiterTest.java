package org.clutch.web.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void aLimitIsReadAsRequestsPerPeriodAndABadOneNamesItsSetting() {
        assertEquals(new RateLimiter.Limit(600, Duration.ofMinutes(1)), RateLimiter.Limit.parse("x", " 600 / PT1M "));
        for (String bad : new String[] {"600", "600/1m", "0/PT1M", "-5/PT1M", "600/PT0S", "a/PT1M", "1/PT1M/2"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RateLimiter.Limit.parse("clutch.rate-limit.per-address", bad));
            assertTrue(refused.getMessage().contains("clutch.rate-limit.per-address"), refused.getMessage());
        }
    }

    @Test
    void theAddressAndThePrincipalEachHaveTheirOwnBucket() {
        RateLimiter limiter = new RateLimiter(true, "2/PT1H", "3/PT1H");
        assertTrue(limiter.take("192.0.2.1", "alice").isEmpty());
        assertTrue(limiter.take("192.0.2.2", "alice").isEmpty());
        RateLimiter.Exceeded alice = limiter.take("192.0.2.3", "alice").orElseThrow();
        assertFalse(alice.byAddress(), "alice's third request is over her own limit");
        assertTrue(alice.retryAfter().compareTo(Duration.ofMinutes(29)) > 0, "one request comes back every 30 minutes: " + alice.retryAfter());
        assertTrue(limiter.take("192.0.2.3", "bob").isEmpty(), "bob is not alice");
        assertTrue(limiter.take("192.0.2.1", null).isEmpty());
        assertTrue(limiter.take("192.0.2.1", null).isEmpty());
        assertTrue(limiter.take("192.0.2.1", null).orElseThrow().byAddress(), "192.0.2.1's fourth request is over the address's limit");
    }

    @Test
    void switchedOffNothingIsCounted() {
        RateLimiter off = new RateLimiter(false, "1/PT1H", "1/PT1H");
        for (int i = 0; i < 5; i++) {
            assertTrue(off.take("192.0.2.1", "alice").isEmpty());
        }
    }
}
