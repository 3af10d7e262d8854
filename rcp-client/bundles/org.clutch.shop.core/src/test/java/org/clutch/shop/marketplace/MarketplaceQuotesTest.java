package org.clutch.shop.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.common.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotes written on the desktop: filled from the shelf, kept with an outbox event in one transaction, and updated by
 * what the marketplace answers on the inbox (an answer to an older version does not overwrite a newer one).
 */
class MarketplaceQuotesTest {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path directory;

    @Test
    void aQuoteStartsFromTheShelfAndGoesOutThroughTheOutbox() {
        try (TestShop t = new TestShop(directory)) {
            t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5);
            IncomingRequest request = arrive(t, t.clock.instant().plusSeconds(7200));

            QuoteDraft draft = t.shop.quotes().draft(request);
            assertTrue(draft.lines().get(0).available(), "two pads asked, five on the shelf");
            assertEquals(4_500_00L, draft.lines().get(0).unitPriceMinor(), "at the shop's price");
            assertFalse(draft.lines().get(1).available(), "no part number: the shop decides");
            assertEquals(MarketplaceQuotes.ETA_TO_ORDER_IN_HOURS, draft.etaHours());

            QuoteDraft written = draft.withLine(1, new QuoteDraft.Line(draft.lines().get(1).requestLineId(), true, 800_00L));
            assertEquals(2 * 4_500_00 + 800_00, t.shop.quotes().totalMinor(written, request));
            IncomingRequest quoted = t.shop.quotes().submit(written, t.clerk);

            assertEquals(LocalQuote.Status.WAITING, quoted.quote().status());
            assertEquals(written, quoted.quote().draft(), "kept to revise");
            List<JsonObject> events = t.outbox(ShopInboxTypes.QUOTE_SUBMITTED);
            assertEquals(1, events.size());
            JsonObject payload = events.get(0);
            assertEquals(request.requestId().toString(), payload.getString("requestId"));
            assertEquals("KES", payload.getString("currency"));
            assertEquals("4500.00", payload.getJsonArray("lines").getJsonObject(0).getJsonNumber("unitPrice").toString());
            assertEquals("800.00", payload.getJsonArray("lines").getJsonObject(1).getJsonNumber("unitPrice").toString());
            assertEquals("otieno", payload.getString("staff"));
            assertEquals(written, t.shop.quotes().draft(quoted), "writing it again starts from what was written");
        }
    }

    @Test
    void theMarketplacesAnswerUpdatesTheQuoteUnlessANewerVersionWaits() {
        try (TestShop t = new TestShop(directory)) {
            IncomingRequest request = arrive(t, t.clock.instant().plusSeconds(7200));
            MarketplaceRequests inbox = new MarketplaceRequests(t.shop.database(), t.clock);
            QuoteDraft draft = offerAll(t.shop.quotes().draft(request), 1_000_00L);
            t.shop.quotes().submit(draft, t.clerk);
            UUID first = submissionIds(t).get(0);
            t.shop.quotes().submit(offerAll(draft, 900_00L), t.clerk); // revised before the first was answered
            UUID second = submissionIds(t).get(1);

            inbox.receive(outcome(request.requestId(), "SUBMITTED", "Sent to the customer", first, "3100.00"));
            assertEquals(LocalQuote.Status.WAITING, inbox.find(request.requestId()).orElseThrow().quote().status(),
                    "the answer to the first version does not hide that the second still waits");
            IncomingRequest taken = inbox.receive(outcome(request.requestId(), "SUBMITTED", "Sent to the customer", second,
                    "2800.00")).orElseThrow();
            assertEquals(LocalQuote.Status.SUBMITTED, taken.quote().status());
            assertEquals(0, new java.math.BigDecimal("2800.00").compareTo(taken.quote().total()));

            IncomingRequest won = inbox.receive(outcome(request.requestId(), "ACCEPTED", "The customer accepted this quote.",
                    null, "2800.00")).orElseThrow();
            assertEquals(LocalQuote.Status.ACCEPTED, won.quote().status());
            RuleException closed = assertThrows(RuleException.class, () -> t.shop.quotes().submit(draft, t.clerk));
            assertTrue(closed.getMessage().contains("accepted"), closed.getMessage());
            assertEquals(2, submissionIds(t).size(), "nothing more queued");
            assertEquals(LocalQuote.Status.ACCEPTED, inbox.open().get(0).quote().status(), "the list shows it won");
        }
    }

    @Test
    void anExpiredRequestOrABrokenQuoteIsRefusedOnTheSpotAndNothingIsQueued() {
        try (TestShop t = new TestShop(directory)) {
            IncomingRequest request = arrive(t, t.clock.instant().plusSeconds(3600));
            QuoteDraft nothingOffered = t.shop.quotes().draft(request);
            RuleException empty = assertThrows(RuleException.class, () -> t.shop.quotes().submit(nothingOffered, t.clerk));
            assertTrue(empty.getMessage().contains("offer at least one part"), empty.getMessage());
            QuoteDraft noPrice = nothingOffered.withLine(0, new QuoteDraft.Line(request.lines().get(0).id(), true, null));
            RuleException unpriced = assertThrows(RuleException.class, () -> t.shop.quotes().submit(noPrice, t.clerk));
            assertTrue(unpriced.getMessage().contains("line 1 needs a unit price"), unpriced.getMessage());

            QuoteDraft fine = offerAll(nothingOffered, 500_00L);
            t.clock.advanceSeconds(3601);
            RuleException expired = assertThrows(RuleException.class, () -> t.shop.quotes().submit(fine, t.clerk));
            assertTrue(expired.getMessage().contains("can no longer be quoted"), expired.getMessage());
            assertTrue(submissionIds(t).isEmpty());
            assertNull(new MarketplaceRequests(t.shop.database(), t.clock).find(request.requestId()).orElseThrow().quote());
        }
    }

    @Test
    void aQuoteRefusedBecauseItsRequestExpiredStaysOnTheListForADayWithWhy() {
        try (TestShop t = new TestShop(directory)) {
            IncomingRequest request = arrive(t, t.clock.instant().plusSeconds(600));
            MarketplaceRequests inbox = new MarketplaceRequests(t.shop.database(), t.clock);
            t.shop.quotes().submit(offerAll(t.shop.quotes().draft(request), 500_00L), t.clerk); // written offline
            t.clock.advanceSeconds(3600); // back online an hour later: the request expired meanwhile
            inbox.receive(outcome(request.requestId(), "REFUSED", "This parts request expired at 09:10 and can no longer be quoted.",
                    submissionIds(t).get(0), null));

            IncomingRequest listed = inbox.open().get(0);
            assertEquals(LocalQuote.Status.REFUSED, listed.quote().status());
            assertTrue(listed.quote().detail().contains("expired"));
            t.clock.advanceDays(2);
            assertTrue(inbox.open().isEmpty());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static QuoteDraft offerAll(QuoteDraft draft, long unitPriceMinor) {
        List<QuoteDraft.Line> lines = draft.lines().stream()
                .map(l -> new QuoteDraft.Line(l.requestLineId(), true, unitPriceMinor)).toList();
        return new QuoteDraft(draft.requestId(), lines, 100_00, draft.etaHours(), draft.validUntil(), "");
    }

    private static IncomingRequest arrive(TestShop t, Instant expires) {
        UUID id = UUID.randomUUID();
        String payload = MarketplaceRequestsTest.shopView(id, t.clock.instant().minusSeconds(60), expires);
        return new MarketplaceRequests(t.shop.database(), t.clock)
                .receive(new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.QUOTE_REQUESTED, 1, id, Instant.now(), payload))
                .orElseThrow();
    }

    private static SyncEvent outcome(UUID requestId, String status, String detail, UUID submission, String total) {
        var o = Json.createObjectBuilder().add("requestId", requestId.toString()).add("status", status).add("detail", detail)
                .add("currency", "KES").add("revision", 1).add("at", Instant.now().toString());
        if (submission == null) {
            o.addNull("submissionId");
        } else {
            o.add("submissionId", submission.toString());
        }
        if (total == null) {
            o.addNull("quoteId").addNull("total");
        } else {
            o.add("quoteId", UUID.randomUUID().toString()).add("total", new java.math.BigDecimal(total));
        }
        return new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.QUOTE_OUTCOME, 1, requestId, Instant.now(), o.build().toString());
    }

    private static List<UUID> submissionIds(TestShop t) {
        return t.shop.database().read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT id FROM outbox_event WHERE type = '" + ShopInboxTypes.QUOTE_SUBMITTED + "' ORDER BY seq")) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
