package org.clutch.marketplace;

import org.clutch.platform.InvalidInputException;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.GeoPoint;
import org.clutch.tenancy.Shop;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartsRequestTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration TTL = Duration.ofHours(2);

    static NewPartsRequest input(String vin, int year) {
        return new NewPartsRequest(
                new NewPartsRequest.VehicleInput("Toyota", "Corolla", year, vin),
                new NewPartsRequest.DeliveryInput(-1.2864, 36.8172, "Kenyatta Ave", null),
                List.of(new NewPartsRequest.LineInput("Brake pads", null, 1, null),
                        new NewPartsRequest.LineInput("Oil filter", "90915-YZZE1", 2, "genuine")));
    }

    static PartsRequest submitted() {
        return PartsRequest.submit(UUID.randomUUID(), input(null, 2016), null, NOW, TTL);
    }

    @Test
    void aRepeatedKeyAnswersOnlyTheSameSubmission() {
        PartsRequest request = PartsRequest.submit(UUID.randomUUID(), input(null, 2016), "order-42", NOW, TTL);
        request.requireSameSubmission(input(null, 2016));
        var other = assertThrows(org.clutch.platform.IdempotencyKeyReusedException.class,
                () -> request.requireSameSubmission(input(null, 2015)));
        assertTrue(other.getMessage().contains("'order-42'"), other.getMessage());
        PartsRequest withoutKey = PartsRequest.submit(UUID.randomUUID(), input(null, 2016), null, NOW, TTL);
        withoutKey.requireSameSubmission(input(null, 2015));
    }

    static Shop shop() {
        return new Shop(UUID.randomUUID(), UUID.randomUUID(), "Westlands", new GeoPoint(-1.2676, 36.8108), "Waiyaki Way",
                BigDecimal.TEN, Set.of("TOYOTA"));
    }

    static QuoteSubmission quoteFor(PartsRequest request, OffsetDateTime validUntil) {
        return new QuoteSubmission("KES",
                List.of(new QuoteSubmission.LineInput(request.lines().get(0).id(), true, new BigDecimal("4500.00")),
                        new QuoteSubmission.LineInput(request.lines().get(1).id(), true, new BigDecimal("850.50"))),
                new BigDecimal("300"), 4, validUntil, null);
    }

    @Test
    void submittedRequestIsOpenUntilItsTimeToLive() {
        PartsRequest request = submitted();
        assertEquals(RequestStatus.SUBMITTED, request.status());
        assertEquals(NOW.plusHours(2), request.expiresAt());
        assertEquals(List.of(1, 2), request.lines().stream().map(RequestLine::lineNo).toList());
        assertTrue(request.isOpenAt(NOW.plusMinutes(119)));
        assertFalse(request.isOpenAt(NOW.plusHours(2)));
    }

    @Test
    void vinIsCheckedAndDecodedAgainstTheStatedYear() {
        PartsRequest ok = PartsRequest.submit(UUID.randomUUID(), input("JTDBR32E760069012", 2006), null, NOW, TTL);
        assertEquals("Toyota", ok.vehicle().vinManufacturer());

        var badDigit = assertThrows(InvalidInputException.class,
                () -> PartsRequest.submit(UUID.randomUUID(), input("JTDBR32E560069012", 2006), null, NOW, TTL));
        assertEquals("vehicle.vin", badDigit.fieldErrors().get(0).field());

        var wrongYear = assertThrows(InvalidInputException.class,
                () -> PartsRequest.submit(UUID.randomUUID(), input("JTDBR32E760069012", 2016), null, NOW, TTL));
        assertTrue(wrongYear.getMessage().contains("2006"), wrongYear.getMessage());
    }

    @Test
    void modelYearMayNotBeInTheFuture() {
        var e = assertThrows(InvalidInputException.class,
                () -> PartsRequest.submit(UUID.randomUUID(), input(null, 2030), null, NOW, TTL));
        assertEquals("vehicle.year", e.fieldErrors().get(0).field());
    }

    @Test
    void quotingMarksTheRequestQuotedAndTotalsAvailableLinesPlusFreight() {
        PartsRequest request = submitted();
        Quote quote = Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW.plusMinutes(5));
        assertEquals(RequestStatus.QUOTED, request.status());
        // 1 x 4500.00 + 2 x 850.50 + 300 freight
        assertEquals(new BigDecimal("6501.00"), quote.total(request));
        assertTrue(quote.missingLineIds(request).isEmpty());
    }

    @Test
    void linesLeftOutOrUnavailableAreMissing() {
        PartsRequest request = submitted();
        var only = new QuoteSubmission("KES",
                List.of(new QuoteSubmission.LineInput(request.lines().get(0).id(), true, new BigDecimal("4500"))),
                BigDecimal.ZERO, 4, NOW.plusDays(1), null);
        Quote quote = Quote.submit(request, shop(), "KES", only, NOW);
        assertEquals(List.of(request.lines().get(1).id()), quote.missingLineIds(request));
        assertEquals(new BigDecimal("4500.00"), quote.total(request));
    }

    @Test
    void quoteRulesReportEachOffendingField() {
        PartsRequest request = submitted();
        var bad = new QuoteSubmission("ABC",
                List.of(new QuoteSubmission.LineInput(UUID.randomUUID(), true, null),
                        new QuoteSubmission.LineInput(request.lines().get(1).id(), false, new BigDecimal("1"))),
                BigDecimal.ZERO, 4, NOW.minusMinutes(1), null);
        var e = assertThrows(InvalidInputException.class, () -> Quote.submit(request, shop(), "KES", bad, NOW));
        var fields = e.fieldErrors().stream().map(InvalidInputException.FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("currency", "validUntil", "lines[0].requestLineId", "lines[0].unitPrice",
                "lines[1].unitPrice")), fields.toString());
        assertEquals(RequestStatus.SUBMITTED, request.status(), "a refused quote changes nothing");
    }

    @Test
    void aShopQuotesOnlyInTheCurrencyItsBusinessTradesIn() {
        PartsRequest request = submitted();
        for (String other : List.of("XXX", "USD")) {
            QuoteSubmission kes = quoteFor(request, NOW.plusDays(1));
            var inOther = new QuoteSubmission(other, kes.lines(), kes.freight(), kes.etaHours(), kes.validUntil(), kes.notes());
            var e = assertThrows(InvalidInputException.class, () -> Quote.submit(request, shop(), "KES", inOther, NOW));
            assertEquals(List.of(new InvalidInputException.FieldError("currency", "must be KES, the currency this shop trades in")),
                    e.fieldErrors());
        }
        Quote quote = Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW);
        QuoteSubmission kes = quoteFor(request, NOW.plusDays(1));
        assertThrows(InvalidInputException.class, () -> quote.revise(request, "KES",
                new QuoteSubmission("XXX", kes.lines(), kes.freight(), kes.etaHours(), kes.validUntil(), kes.notes()), NOW));
        assertEquals("KES", quote.currency(), "a refused revision changes nothing");
    }

    @Test
    void acceptingClosesTheRequestAndOnlyOnce() {
        PartsRequest request = submitted();
        Quote quote = Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW);
        request.accept(quote, NOW.plusMinutes(10));
        assertEquals(RequestStatus.ACCEPTED, request.status());
        assertEquals(QuoteStatus.ACCEPTED, quote.status());
        assertEquals(quote.id(), request.acceptedQuoteId());

        var again = assertThrows(StateConflictException.class, () -> request.accept(quote, NOW.plusMinutes(11)));
        assertTrue(again.getMessage().contains("accepted"), again.getMessage());
        assertThrows(StateConflictException.class, () -> request.cancel(NOW.plusMinutes(12)));
        assertThrows(StateConflictException.class,
                () -> Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW.plusMinutes(13)),
                "later quotes are refused");
    }

    @Test
    void aWithdrawnOrExpiredQuoteCannotBeAccepted() {
        PartsRequest request = submitted();
        Quote withdrawn = Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW);
        withdrawn.withdraw(NOW.plusMinutes(1));
        assertThrows(StateConflictException.class, () -> request.accept(withdrawn, NOW.plusMinutes(2)));

        Quote shortLived = Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusMinutes(30)), NOW);
        var e = assertThrows(StateConflictException.class, () -> request.accept(shortLived, NOW.plusMinutes(31)));
        assertTrue(e.getMessage().contains("valid until"), e.getMessage());
        assertTrue(request.status().isOpen(), "a refused accept leaves the request open");
    }

    @Test
    void expiresOnlyWhenDueAndOnlyWhileOpen() {
        PartsRequest request = submitted();
        assertFalse(request.expireIfDue(NOW.plusMinutes(119)));
        assertTrue(request.expireIfDue(NOW.plusHours(2)));
        assertEquals(RequestStatus.EXPIRED, request.status());
        assertFalse(request.expireIfDue(NOW.plusHours(3)), "expiring twice does nothing");
        var e = assertThrows(StateConflictException.class, () -> request.cancel(NOW.plusHours(3)));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void anOverdueRequestRefusesQuotesEvenBeforeTheTimerRuns() {
        PartsRequest request = submitted();
        var e = assertThrows(StateConflictException.class,
                () -> Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW.plusHours(2).plusSeconds(1)));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void cancelledRequestDeclinesNothingButRefusesAccept() {
        PartsRequest request = submitted();
        Quote quote = Quote.submit(request, shop(), "KES", quoteFor(request, NOW.plusDays(1)), NOW);
        request.cancel(NOW.plusMinutes(1));
        assertEquals(RequestStatus.CANCELLED, request.status());
        assertThrows(StateConflictException.class, () -> request.accept(quote, NOW.plusMinutes(2)));
    }
}
