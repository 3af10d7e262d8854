package org.clutch.shop.marketplace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.common.InboxMessage;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;

/**
 * What the marketplace tells this shop on its inbox, as it arrives (online at once, or all that waited when the
 * desktop reconnects): parts requests to quote, and what became of the shop's quotes. Kept locally so the shop reads
 * them offline too.
 */
public final class MarketplaceRequests {

    private static final String REQUEST_TO_QUOTE = "a request to quote";

    /** How long a request stays on the list after it expired, when the shop quoted it: the outcome is worth seeing. */
    static final Duration OUTCOME_SHOWN_FOR = Duration.ofDays(1);

    /** A request as kept here with this shop's quote on it, if any (read by {@link #withQuote}). */
    private static final String WITH_QUOTE = """
            SELECT r.payload, r.received_at, q.status, q.detail, q.draft, q.total, q.currency, q.updated_at
              FROM marketplace_request r LEFT JOIN marketplace_quote q ON q.request_id = r.request_id
            """;

    private final ShopDatabase database;
    private final Clock clock;

    public MarketplaceRequests(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Keeps a message from the inbox; the same message delivered again changes nothing. Answers the request it is
     * about, with this shop's quote, when the request is known here.
     *
     * @throws RuleException when the message is nothing this desktop can read (with why)
     */
    public Optional<IncomingRequest> receive(SyncEvent event) {
        return switch (event.type()) {
            case ShopInboxTypes.QUOTE_REQUESTED -> Optional.of(keepRequest(event));
            case ShopInboxTypes.QUOTE_OUTCOME -> keepOutcome(event);
            default -> throw new RuleException("not a message this desktop reads: " + event.type() + " version " + event.version());
        };
    }

    private IncomingRequest keepRequest(SyncEvent event) {
        Instant receivedAt = clock.instant();
        IncomingRequest request = InboxMessage.read(event, ShopInboxTypes.QUOTE_REQUESTED, REQUEST_TO_QUOTE,
                view -> incoming(view, receivedAt, null));
        return database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    MERGE INTO marketplace_request (request_id, message_id, received_at, dispatched_at, expires_at,
                        vehicle, distance_km, payload) KEY (request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, request.requestId());
                insert.setObject(2, event.eventId());
                insert.setTimestamp(3, Timestamp.from(request.receivedAt()));
                insert.setTimestamp(4, Timestamp.from(request.dispatchedAt()));
                insert.setTimestamp(5, Timestamp.from(request.expiresAt()));
                insert.setString(6, request.vehicle());
                insert.setBigDecimal(7, request.distanceKm());
                insert.setString(8, event.payload());
                insert.executeUpdate();
            }
            return find(c, request.requestId()).orElseThrow();
        });
    }

    /**
     * The marketplace's word on this shop's quote. An answer to a quote the shop has since rewritten is kept out of
     * the status: the newer version is still waiting for its own answer.
     */
    private Optional<IncomingRequest> keepOutcome(SyncEvent event) {
        Outcome outcome = InboxMessage.read(event, ShopInboxTypes.QUOTE_OUTCOME, "a quote outcome", Outcome::of);
        return database.inTransaction(c -> {
            UUID latestSubmission = null;
            boolean known = false;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT submission_id FROM marketplace_quote WHERE request_id = ? FOR UPDATE")) {
                select.setObject(1, outcome.requestId());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        known = true;
                        latestSubmission = row.getObject(1, UUID.class);
                    }
                }
            }
            boolean answersAnOlderVersion = outcome.submissionId() != null && latestSubmission != null
                    && !latestSubmission.equals(outcome.submissionId());
            if (!answersAnOlderVersion) {
                try (PreparedStatement write = c.prepareStatement(known ? """
                        UPDATE marketplace_quote SET status = ?, detail = ?, quote_id = COALESCE(?, quote_id),
                            total = COALESCE(?, total), currency = COALESCE(?, currency), updated_at = ? WHERE request_id = ?"""
                        : """
                        INSERT INTO marketplace_quote (status, detail, quote_id, total, currency, updated_at, request_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    write.setString(1, outcome.status().name());
                    write.setString(2, outcome.detail());
                    write.setObject(3, outcome.quoteId());
                    write.setBigDecimal(4, outcome.total());
                    write.setString(5, outcome.currency());
                    write.setTimestamp(6, Timestamp.from(clock.instant()));
                    write.setObject(7, outcome.requestId());
                    write.executeUpdate();
                }
            }
            return find(c, outcome.requestId());
        });
    }

    /** Requests not expired yet, and those the shop quoted that closed in the last day (to see how it went): newest first. */
    public List<IncomingRequest> open() {
        Instant now = clock.instant();
        return database.read(c -> {
            List<IncomingRequest> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(WITH_QUOTE + """
                     WHERE r.expires_at > ? OR q.updated_at > ?
                     ORDER BY r.dispatched_at DESC""")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setTimestamp(2, Timestamp.from(now.minus(OUTCOME_SHOWN_FOR)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(withQuote(rows));
                    }
                }
            }
            return found;
        });
    }

    /** The request with this shop's quote, if the request came here. */
    public Optional<IncomingRequest> find(UUID requestId) {
        return database.read(c -> find(c, requestId));
    }

    private static Optional<IncomingRequest> find(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(WITH_QUOTE + " WHERE r.request_id = ?")) {
            select.setObject(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(withQuote(row)) : Optional.empty();
            }
        }
    }

    /** A row of {@link #WITH_QUOTE}: the request as kept, with this shop's quote or null. */
    private static IncomingRequest withQuote(ResultSet row) throws SQLException {
        Instant receivedAt = row.getTimestamp(2).toInstant();
        LocalQuote quote = quote(row, 3);
        return InboxMessage.readPayload(row.getString(1), REQUEST_TO_QUOTE, view -> incoming(view, receivedAt, quote));
    }

    /** The quote columns (status, detail, draft, total, currency, updated_at) from {@code first} on; null if none. */
    private static LocalQuote quote(ResultSet row, int first) throws SQLException {
        String status = row.getString(first);
        if (status == null) {
            return null;
        }
        String draft = row.getString(first + 2);
        return new LocalQuote(LocalQuote.Status.valueOf(status), row.getString(first + 1),
                draft == null ? null : QuoteDrafts.fromJson(draft), row.getBigDecimal(first + 3), row.getString(first + 4),
                row.getTimestamp(first + 5).toInstant());
    }

    /** The shop's view of a request, as the backend's REST API answers it (ShopRequestView). */
    private static IncomingRequest incoming(JsonObject view, Instant receivedAt, LocalQuote quote) {
        JsonObject request = view.getJsonObject("request");
        JsonObject vehicle = request.getJsonObject("vehicle");
        List<IncomingRequest.Line> lines = request.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(l -> new IncomingRequest.Line(UUID.fromString(l.getString("id")), l.getInt("lineNo"), l.getString("name"),
                        l.getString("partNumber", null), l.getInt("quantity"), l.getString("notes", null)))
                .toList();
        return new IncomingRequest(UUID.fromString(request.getString("id")),
                vehicle.getInt("year") + " " + vehicle.getString("make") + " " + vehicle.getString("model"),
                vehicle.getString("vin", null), lines, view.getJsonNumber("distanceKm").bigDecimalValue(),
                OffsetDateTime.parse(view.getString("dispatchedAt")).toInstant(),
                OffsetDateTime.parse(request.getString("expiresAt")).toInstant(), receivedAt, quote);
    }

    /** A marketplace.quote-outcome payload (see ShopInboxTypes). */
    private record Outcome(UUID requestId, UUID quoteId, LocalQuote.Status status, String detail, UUID submissionId,
            BigDecimal total, String currency) {

        static Outcome of(JsonObject o) {
            String detail = o.getString("detail", "");
            return new Outcome(UUID.fromString(o.getString("requestId")), optionalUuid(o, "quoteId"),
                    LocalQuote.Status.valueOf(o.getString("status")), detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                    optionalUuid(o, "submissionId"),
                    o.get("total") instanceof JsonNumber total ? total.bigDecimalValue() : null, o.getString("currency", null));
        }

        private static UUID optionalUuid(JsonObject o, String name) {
            String text = o.getString(name, null);
            return text == null ? null : UUID.fromString(text);
        }
    }
}
