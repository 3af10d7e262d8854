package org.clutch.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for something the backend does asynchronously (a message applied, a request delivered). */
final class Await {

    private Await() {
    }

    /** Reads every 100 ms until {@code done} holds, and answers the last reading; fails after {@code within}. */
    static <T> T until(Supplier<T> read, Predicate<T> done, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        T last = read.get();
        while (!done.test(last)) {
            assertTrue(Instant.now().isBefore(deadline), "still not there after " + within.toSeconds() + " s: " + last);
            Thread.sleep(100);
            last = read.get();
        }
        return last;
    }
}
