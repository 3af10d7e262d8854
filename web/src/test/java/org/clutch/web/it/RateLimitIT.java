package org.clutch.web.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits as a client meets them, on a deployment limited to 20 requests a minute per account or key and 40 per
 * address, with the loopback address trusted as a proxy (its own failsafe execution). Each test calls from addresses
 * of its own (127.0.0.x), so that the address limits of one do not touch another.
 */
class RateLimitIT extends DeployedApplication {

    private static final int PER_PRINCIPAL = 20;
    private static final int PER_ADDRESS = 40;

    @Test
    void aBurstPastTheAccountsLimitIsAnswered429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        String hurried = api.token(fixtures.customer("Hurried Owner").email());
        String calm = api.token(fixtures.customer("Calm Owner").email());

        List<Api.Raw> burst = new ArrayList<>();
        for (int i = 0; i < PER_PRINCIPAL + 5; i++) {
            burst.add(account("127.0.0.21", hurried, Map.of()));
        }
        long served = burst.stream().filter(r -> r.status() == 200).count();
        assertTrue(served >= PER_PRINCIPAL && served <= PER_PRINCIPAL + 1, "the account's requests up to its limit are served: " + served);
        Api.Raw refused = burst.get(burst.size() - 1);
        assertEquals(429, refused.status(), refused.toString());
        assertTrue(refused.header("content-type", "").startsWith("application/problem+json"), refused.toString());
        assertTrue(refused.body().contains("rate-limited") && refused.body().contains("by this account"), refused.body());
        int retryAfter = Integer.parseInt(refused.header("retry-after", "0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After says when: " + retryAfter);

        assertEquals(200, account("127.0.0.22", calm, Map.of()).status(), "another account goes on as before");
        assertEquals(429, account("127.0.0.23", hurried, Map.of()).status(), "the limit follows the account to another address");
        Thread.sleep(retryAfter * 1000L + 200);
        assertEquals(200, account("127.0.0.21", hurried, Map.of()).status(), "served again once Retry-After has passed");
    }

    @Test
    void anAddressIsLimitedWhoeverCallsFromIt() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS + 3; i++) {
            statuses.add(account("127.0.0.31", null, Map.of()).status());
        }
        assertTrue(statuses.subList(0, PER_ADDRESS).stream().allMatch(s -> s == 401), "anonymous calls are answered until the limit: " + statuses);
        assertEquals(429, statuses.get(statuses.size() - 1), statuses.toString());
        Api.Raw limited = account("127.0.0.31", null, Map.of());
        assertTrue(limited.body().contains("from this address"), limited.body());
        assertEquals(401, account("127.0.0.32", null, Map.of()).status(), "another address is unaffected");
    }

    @Test
    void behindATrustedProxyTheForwardedAddressCountsAndNobodyElseCanNameOne() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            account("127.0.0.1", null, Map.of("X-Forwarded-For", "198.51.100.7"));
        }
        assertEquals(429, account("127.0.0.1", null, Map.of("X-Forwarded-For", "198.51.100.7")).status(),
                "the client the proxy names is limited");
        assertEquals(401, account("127.0.0.1", null, Map.of("X-Forwarded-For", "198.51.100.8")).status(),
                "another client behind the same proxy is not");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS + 2; i++) {
            statuses.add(account("127.0.0.41", null, Map.of("X-Forwarded-For", "203.0.113." + i)).status());
        }
        assertEquals(429, statuses.get(statuses.size() - 1), "a client that is no trusted proxy cannot spread its calls over "
                + "addresses it names: " + statuses);
    }

    /** GET /account from the local address, with the token (if any) and headers. */
    private Api.Raw account(String from, String token, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        return api.sendFrom(from, "GET", "api/v1/account", all, null);
    }
}
