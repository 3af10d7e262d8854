package org.clutch.shop.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SyncRetryTest {

    @Test
    void aBrokerBackWithinFiveSecondsIsFoundWithinAQuarterOfASecond() {
        SyncRetry retry = new SyncRetry();
        Duration waited = Duration.ZERO;
        while (waited.compareTo(Duration.ofSeconds(5)) < 0) {
            Duration pause = retry.next();
            assertEquals(Duration.ofMillis(250), pause, "after " + waited);
            waited = waited.plus(pause);
        }
    }

    @Test
    void aShopThatStaysOfflineIsAskedLessAndLessOftenUpToOnceAMinute() {
        SyncRetry retry = new SyncRetry();
        for (int i = 0; i < 20; i++) {
            retry.next();
        }
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seconds.add(retry.next().toSeconds());
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L, 60L), seconds);
    }

    @Test
    void afterTheMarketplaceAnsweredTheNextOutageStartsWithQuickTriesAgain() {
        SyncRetry retry = new SyncRetry();
        for (int i = 0; i < 25; i++) {
            retry.next();
        }
        retry.reset();
        assertEquals(Duration.ofMillis(250), retry.next());
        for (int i = 0; i < 19; i++) {
            retry.next();
        }
        assertEquals(Duration.ofSeconds(5), retry.next());
    }
}
