package org.clutch.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many callers on one aggregate at once, as an impatient app that retries, or a script, would send them: every call
 * answers within a bounded time (success, 409, or 503 with Retry-After), exactly one wins, and the rest of the API
 * keeps answering other people meanwhile.
 */
class ContentionIT extends DeployedApplication {

    private static final int CALLERS = 100;
    /** The longest any caller of the storm may wait for its answer. */
    private static final Duration STORM_ANSWER = Duration.ofSeconds(20);
    /** The longest a bystander's login or read may take while the storm runs. */
    private static final Duration BYSTANDER_ANSWER = Duration.ofSeconds(10);

    /** One call's answer and how long it took; a call that got no answer (timed out, connection lost) has no reply. */
    private record Timed(Api.Reply reply, Duration took, String failure) {

        static Timed of(Supplier<Api.Reply> call) {
            long started = System.nanoTime();
            try {
                Api.Reply reply = call.get();
                return new Timed(reply, Duration.ofNanos(System.nanoTime() - started), null);
            } catch (RuntimeException e) {
                return new Timed(null, Duration.ofNanos(System.nanoTime() - started), e.toString());
            }
        }

        int status() {
            return reply == null ? -1 : reply.status();
        }

        @Override
        public String toString() {
            return (reply == null ? failure : String.valueOf(reply.status())) + " in " + took.toMillis() + " ms";
        }
    }

    /** Someone else using the platform while the storm runs: logs in and reads, over and over, each call timed. */
    private final class Bystander implements AutoCloseable {
        private final List<Timed> calls = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Bystander(String email) {
            thread = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    Timed login = Timed.of(() -> api.login(email, Fixtures.PASSWORD));
                    calls.add(login);
                    if (login.status() == 200) {
                        String token = login.reply().json().getString("accessToken");
                        calls.add(Timed.of(() -> api.get("api/v1/parts-requests", token)));
                        calls.add(Timed.of(() -> api.get("api/v1/account", token)));
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(60));
        }

        void assertServedThroughout() {
            List<Timed> made = List.copyOf(calls);
            assertTrue(made.size() >= 3, "the bystander got in at least one login and two reads: " + summary(made));
            made.forEach(call -> {
                assertEquals(200, call.status(), "every bystander call succeeds: " + summary(made));
                assertTrue(call.took().compareTo(BYSTANDER_ANSWER) <= 0, "every bystander call answers in time: " + summary(made));
            });
        }
    }

    /** The answers counted by status (-1: none), with the longest wait: what a failure message needs to say. */
    private static String summary(List<Timed> made) {
        List<Timed> calls = List.copyOf(made);
        var byStatus = new java.util.TreeMap<Integer, Long>();
        calls.forEach(c -> byStatus.merge(c.status(), 1L, Long::sum));
        long longest = calls.stream().mapToLong(c -> c.took().toMillis()).max().orElse(0);
        long median = calls.stream().mapToLong(c -> c.took().toMillis()).sorted().skip(calls.size() / 2).findFirst().orElse(0);
        return byStatus + ", median " + median + " ms, longest " + longest + " ms, first failure: "
                + calls.stream().filter(c -> c.reply() == null).map(Timed::failure).findFirst().orElse("none");
    }

    private static void assertEveryAnswerBoundedAndAtMostOneWon(List<Timed> storm) {
        for (Timed call : storm) {
            assertNotNull(call.reply(), "every caller got an answer: " + summary(storm));
            assertTrue(call.took().compareTo(STORM_ANSWER) <= 0, "every caller answered within " + STORM_ANSWER + ": " + summary(storm));
            assertTrue(List.of(200, 409, 503).contains(call.status()), "success, conflict or busy: " + call + " " + call.reply());
            if (call.status() == 503) {
                assertNotNull(call.reply().retryAfter(), "a busy answer says when to try again: " + call.reply());
            }
            if (call.status() != 200) {
                assertTrue(call.reply().contentType().startsWith("application/problem+json"), call.reply().toString());
            }
        }
        assertEquals(1, storm.stream().filter(c -> c.status() == 200).count(), "exactly one caller wins: " + summary(storm));
    }

    @Test
    void aHundredAcceptsOfOneRequestAtOnceEachAnswerInTimeAndOthersKeepBeingServed() throws Exception {
        MarketplaceIT.QuotedTwice quoted = MarketplaceIT.QuotedTwice.by(api, fixtures, "Storm", "Storm Customer");
        String customerToken = quoted.customerToken();
        String id = quoted.requestId();

        List<Timed> storm;
        Bystander bystander = new Bystander(fixtures.customer("Bystander").email());
        try (bystander) {
            storm = Simultaneously.run(CALLERS, i -> Timed.of(() -> api.post(quoted.acceptPath(i), customerToken, null)));
        }

        System.out.println("contention, accepts: " + summary(storm) + "; bystander: " + summary(bystander.calls));
        assertEveryAnswerBoundedAndAtMostOneWon(storm);
        bystander.assertServedThroughout();
        JsonObject after = OrdersIT.ok(api.get("api/v1/parts-requests/" + id, customerToken));
        assertEquals("ACCEPTED", after.getString("status"));
        String winner = storm.stream().filter(c -> c.status() == 200).findFirst().orElseThrow().reply().json().getString("orderId");
        assertEquals(winner, after.getString("orderId"), "the order the winner was told of is the request's order");
        assertEquals(1, OrdersIT.ok(api.get("api/v1/orders", customerToken)).getJsonArray("items").size(), "one order, not one per caller");
    }

    @Test
    void aHundredCardPaymentsOfOneOrderAtOnceChargeOnceAndEachAnswerInTime() throws Exception {
        String make = fixtures.uniqueMake("Nissan");
        var shop = fixtures.activeShop("Storm Pay", -1.2676, 36.8108, 15, make);
        String customerToken = api.token(fixtures.customer("Paying Customer").email());
        String orderId = OrdersIT.placeOrder(api, customerToken, api.token(shop.email()), make, "250").getString("id");

        List<Timed> storm;
        Bystander bystander = new Bystander(fixtures.customer("Reader").email());
        try (bystander) {
            storm = Simultaneously.run(CALLERS, i -> Timed.of(() -> api.post("api/v1/orders/" + orderId + "/payment", customerToken,
                    OrdersIT.cardPayment(OrdersIT.GOOD_CARD))));
        }

        System.out.println("contention, card payments: " + summary(storm) + "; bystander: " + summary(bystander.calls));
        assertEveryAnswerBoundedAndAtMostOneWon(storm);
        bystander.assertServedThroughout();
        JsonObject order = OrdersIT.ok(api.get("api/v1/orders/" + orderId, customerToken));
        assertEquals("PAID", order.getString("status"));
        assertEquals(1, order.getJsonArray("payments").size(), "charged once: " + order.getJsonArray("payments"));
    }
}
