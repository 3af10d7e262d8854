package org.clutch.shop.marketplace;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.RuleException;
import org.clutch.shop.db.ShopDatabase;

/**
 * The parts requests the marketplace dispatched to this shop, as they arrive on its inbox (online at once, or all
 * that waited when the desktop reconnects). Kept locally so the shop reads them offline too.
 */
public final class MarketplaceRequests {

    private final ShopDatabase database;
    private final Clock clock;

    public MarketplaceRequests(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Keeps a request that arrived on the inbox; the same request delivered again changes nothing.
     *
     * @throws RuleException when the message is not a request to quote this desktop can read (with why)
     */
    public IncomingRequest receive(SyncEvent event) {
        if (!ShopInboxTypes.QUOTE_REQUESTED.equals(event.type()) || event.version() != 1) {
            throw new RuleException("not a request to quote: " + event.type() + " version " + event.version());
        }
        IncomingRequest request = parse(event.payload(), clock.instant());
        database.inTransaction(c -> {
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
            return null;
        });
        return request;
    }

    /** Requests not expired yet, the newest first. */
    public List<IncomingRequest> open() {
        Instant now = clock.instant();
        return database.read(c -> {
            List<IncomingRequest> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT payload, received_at FROM marketplace_request WHERE expires_at > ? ORDER BY dispatched_at DESC")) {
                select.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(parse(rows.getString(1), rows.getTimestamp(2).toInstant()));
                    }
                }
            }
            return found;
        });
    }

    /** The shop's view of a request, as the backend's REST API answers it (ShopRequestView). */
    static IncomingRequest parse(String payload, Instant receivedAt) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject view = reader.readObject();
            JsonObject request = view.getJsonObject("request");
            JsonObject vehicle = request.getJsonObject("vehicle");
            List<IncomingRequest.Line> lines = request.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                    .map(l -> new IncomingRequest.Line(l.getInt("lineNo"), l.getString("name"), l.getString("partNumber", null),
                            l.getInt("quantity"), l.getString("notes", null)))
                    .toList();
            return new IncomingRequest(UUID.fromString(request.getString("id")),
                    vehicle.getInt("year") + " " + vehicle.getString("make") + " " + vehicle.getString("model"),
                    vehicle.getString("vin", null), lines, view.getJsonNumber("distanceKm").bigDecimalValue(),
                    OffsetDateTime.parse(view.getString("dispatchedAt")).toInstant(),
                    OffsetDateTime.parse(request.getString("expiresAt")).toInstant(), receivedAt);
        } catch (JsonException | NullPointerException | ClassCastException | IllegalArgumentException
                | java.time.format.DateTimeParseException e) {
            throw new RuleException("a request to quote that cannot be read: " + e.getMessage());
        }
    }
}
