package org.clutch.web.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets (Bucket4j) per principal (an account or an API key) and per client address, each refilled at the
 * configured rate: {@code clutch.rate-limit.per-principal} and {@code clutch.rate-limit.per-address}, written as
 * "requests/ISO-8601 period" ({@code 600/PT1M}). A bucket starts full, so a client may spend a period's requests in
 * a burst. The buckets live in this node's memory.
 */
@ApplicationScoped
public class RateLimiter {

    /** Buckets kept before full (idle) ones are dropped; a full bucket is the same as no bucket. */
    private static final int MAX_TRACKED = 100_000;

    /** "600/PT1M": that many requests, refilled evenly over the period. */
    record Limit(long requests, Duration period) {

        static Limit parse(String setting, String text) {
            String[] parts = text.strip().split("/");
            try {
                Limit limit = new Limit(Long.parseLong(parts[0].strip()), Duration.parse(parts[1].strip()));
                if (parts.length == 2 && limit.requests > 0 && !limit.period.isNegative() && !limit.period.isZero()) {
                    return limit;
                }
            } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                // reported below with the setting's name
            }
            throw new IllegalArgumentException(setting + " must read like 600/PT1M (requests / ISO-8601 period), not '" + text + "'");
        }

        Bucket newBucket() {
            return Bucket.builder().addLimit(l -> l.capacity(requests).refillGreedy(requests, period)).build();
        }
    }

    private final boolean enabled;
    private final Limit perPrincipal;
    private final Limit perAddress;
    private final Map<String, Bucket> principals = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    @Inject
    public RateLimiter(@ConfigProperty(name = "clutch.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "clutch.rate-limit.per-principal") String perPrincipal,
            @ConfigProperty(name = "clutch.rate-limit.per-address") String perAddress) {
        this.enabled = enabled;
        this.perPrincipal = Limit.parse("clutch.rate-limit.per-principal", perPrincipal);
        this.perAddress = Limit.parse("clutch.rate-limit.per-address", perAddress);
    }

    RateLimiter() {
        this(false, "1/PT1S", "1/PT1S");
    }

    /** A request over a limit: whose (the address's, or the principal's) and how long until the next is allowed. */
    public record Exceeded(boolean byAddress, Duration retryAfter) {
    }

    /**
     * Takes one request from the address's bucket and, for an authenticated caller, the principal's; empty when both
     * allow it.
     */
    public Optional<Exceeded> take(String address, String principal) {
        if (!enabled) {
            return Optional.empty();
        }
        sweepWhenLarge();
        ConsumptionProbe byAddress = addresses.computeIfAbsent(address, a -> perAddress.newBucket()).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return Optional.of(new Exceeded(true, Duration.ofNanos(byAddress.getNanosToWaitForRefill())));
        }
        if (principal != null) {
            ConsumptionProbe byPrincipal = principals.computeIfAbsent(principal, p -> perPrincipal.newBucket()).tryConsumeAndReturnRemaining(1);
            if (!byPrincipal.isConsumed()) {
                return Optional.of(new Exceeded(false, Duration.ofNanos(byPrincipal.getNanosToWaitForRefill())));
            }
        }
        return Optional.empty();
    }

    private void sweepWhenLarge() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (principals.size() + addresses.size() > MAX_TRACKED && now - last > Duration.ofSeconds(10).toNanos()
                && lastSweep.compareAndSet(last, now)) {
            principals.values().removeIf(b -> b.getAvailableTokens() >= perPrincipal.requests());
            addresses.values().removeIf(b -> b.getAvailableTokens() >= perAddress.requests());
        }
    }
}
