package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Failed logins counted for one key (an account name or a client address) within a sliding window; reaching
 * the limit locks the key for a while. Kept for names that match no account too, so that a lockout never tells
 * whether an account exists.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    /** How many failures within which window lock the key, and for how long. */
    public record Policy(int maxFailures, Duration window, Duration lockout) {
    }

    @Id
    @Column(name = "throttle_key")
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at")
    private OffsetDateTime windowStartedAt;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected LoginThrottle() {
    }

    LoginThrottle(String key) {
        this.key = key;
    }

    /** How long the key stays locked from now; zero when it is not locked. */
    public Duration lockedFor(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    /** Counts a failure; returns true when this failure locks the key. */
    public boolean recordFailure(OffsetDateTime now, Policy policy) {
        if (windowStartedAt == null || !now.isBefore(windowStartedAt.plus(policy.window()))) {
            windowStartedAt = now;
            failures = 0;
        }
        failures++;
        if (failures >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockout());
            windowStartedAt = null;
            failures = 0;
            return true;
        }
        return false;
    }

    /** A successful login forgets the failures before it. */
    public void clear() {
        failures = 0;
        windowStartedAt = null;
        lockedUntil = null;
    }
}
