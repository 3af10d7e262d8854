package org.clutch.shop.marketplace;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.staff.Staff;

/**
 * Writing this shop's quotes on marketplace requests, online or not. A quote is kept locally and put on the outbox in
 * one transaction; the sync sends it when the marketplace can be reached, and the marketplace's answer (taken, or
 * refused because the request expired meanwhile) comes back on the inbox ({@link MarketplaceRequests}).
 */
public final class MarketplaceQuotes {

    /** How long quoted prices hold unless the shop says otherwise. */
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    /** Delivery time offered when every part is on the shelf, and when something must be ordered in first. */
    static final int ETA_FROM_STOCK_HOURS = 4;
    static final int ETA_TO_ORDER_IN_HOURS = 48;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final ShopDatabase database;
    private final MarketplaceRequests requests;
    private final Catalog catalog;
    private final ShopCurrency currency;
    private final Clock clock;

    public MarketplaceQuotes(ShopDatabase database, Catalog catalog, ShopCurrency currency, Clock clock) {
        this.database = database;
        this.requests = new MarketplaceRequests(database, clock);
        this.catalog = catalog;
        this.currency = currency;
        this.clock = clock;
    }

    /**
     * The quote to start from: the one last written here, or one filled from the shelf: a line whose part number
     * the catalog knows is offered at the shop's price when enough is in stock.
     */
    public QuoteDraft draft(IncomingRequest request) {
        if (request.quote() != null && request.quote().draft() != null) {
            return request.quote().draft();
        }
        List<QuoteDraft.Line> lines = new ArrayList<>();
        boolean allOnTheShelf = true;
        for (IncomingRequest.Line line : request.lines()) {
            PartSummary part = catalog.mostStockedByNumber(line.partNumber()).orElse(null);
            boolean onTheShelf = part != null && part.onHand() >= line.quantity();
            allOnTheShelf &= onTheShelf;
            lines.add(new QuoteDraft.Line(line.id(), onTheShelf, onTheShelf ? part.priceMinor() : null));
        }
        return new QuoteDraft(request.requestId(), lines, 0, allOnTheShelf ? ETA_FROM_STOCK_HOURS : ETA_TO_ORDER_IN_HOURS,
                clock.instant().plus(DEFAULT_VALIDITY), "");
    }

    /**
     * Keeps the quote and queues it for the marketplace; writing it again revises it.
     *
     * @throws RuleException when the request is closed or unknown, or the quote breaks a rule (with what to fix)
     */
    public IncomingRequest submit(QuoteDraft draft, Staff by) {
        Instant now = clock.instant();
        IncomingRequest request = requests.find(draft.requestId())
                .orElseThrow(() -> new RuleException("That request did not come to this shop."));
        if (!request.isOpenAt(now)) {
            throw new RuleException("This request expired at " + TIME.format(request.expiresAt().atZone(ZoneId.systemDefault()))
                    + "; it can no longer be quoted.");
        }
        if (request.quote() != null && !request.quote().status().revisable()) {
            throw new RuleException("This quote was " + request.quote().status().name().toLowerCase()
                    + " by the customer and can no longer be changed.");
        }
        check(draft, request, now);
        database.inTransaction(c -> {
            UUID submission = Outbox.record(c, ShopInboxTypes.QUOTE_SUBMITTED, draft.requestId(), MarketplaceEvents.quoteSubmitted(draft, currency, by), now);
            try (PreparedStatement write = c.prepareStatement("""
                    MERGE INTO marketplace_quote (request_id, status, detail, submission_id, draft, written_by, updated_at)
                    KEY (request_id) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                write.setObject(1, draft.requestId());
                write.setString(2, LocalQuote.Status.WAITING.name());
                write.setString(3, "Written by " + by.displayName() + "; goes to the customer with the next sync.");
                write.setObject(4, submission);
                write.setString(5, QuoteDrafts.toJson(draft));
                write.setString(6, by.username());
                write.setTimestamp(7, Timestamp.from(now));
                write.executeUpdate();
            }
            return null;
        });
        return requests.find(draft.requestId()).orElseThrow();
    }

    /** The total the customer would see: available lines times the quantity asked, plus freight. */
    public long totalMinor(QuoteDraft draft, IncomingRequest request) {
        Map<UUID, Integer> quantities = new HashMap<>();
        request.lines().forEach(l -> quantities.put(l.id(), l.quantity()));
        long total = draft.freightMinor();
        for (QuoteDraft.Line line : draft.lines()) {
            if (line.available() && line.unitPriceMinor() != null) {
                total += line.unitPriceMinor() * quantities.getOrDefault(line.requestLineId(), 0);
            }
        }
        return total;
    }

    private static void check(QuoteDraft draft, IncomingRequest request, Instant now) {
        List<String> problems = new ArrayList<>();
        Set<UUID> lineIds = new HashSet<>();
        request.lines().forEach(l -> lineIds.add(l.id()));
        boolean anyAvailable = false;
        for (int i = 0; i < draft.lines().size(); i++) {
            QuoteDraft.Line line = draft.lines().get(i);
            if (!lineIds.remove(line.requestLineId())) {
                problems.add("line " + (i + 1) + " is not a line of this request, or is answered twice");
            }
            if (line.available() && (line.unitPriceMinor() == null || line.unitPriceMinor() <= 0)) {
                problems.add("line " + (i + 1) + " needs a unit price to be offered");
            }
            anyAvailable |= line.available();
        }
        if (!anyAvailable) {
            problems.add("offer at least one part");
        }
        if (draft.freightMinor() < 0) {
            problems.add("freight cannot be negative");
        }
        if (draft.etaHours() < 0 || draft.etaHours() > 24 * 365) {
            problems.add("delivery time must be 0 to 8,760 hours");
        }
        if (!draft.validUntil().isAfter(now)) {
            problems.add("the prices must hold beyond now");
        }
        if (!problems.isEmpty()) {
            throw new RuleException("The quote cannot be sent: " + String.join("; ", problems) + ".");
        }
    }
}
