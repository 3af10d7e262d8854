package org.clutch.shop.db;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;

/**
 * Records each change as an event with a unique id, on the connection of the change itself, so the event
 * exists exactly when the change does. The sync sender (a later piece) drains this table in {@code seq} order.
 */
public final class Outbox {

    private Outbox() {
    }

    public static UUID record(Connection connection, String type, UUID subjectId, JsonObject payload, Instant at)
            throws SQLException {
        return record(connection, type, 1, subjectId, payload, at);
    }

    /** An event of a type's later {@code version} (see the contracts of each type). */
    public static UUID record(Connection connection, String type, int version, UUID subjectId, JsonObject payload, Instant at)
            throws SQLException {
        UUID id = UUID.randomUUID();
        StringWriter text = new StringWriter();
        try (JsonWriter writer = JSON.createWriter(text)) {
            writer.writeObject(payload);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (id, type, version, subject_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, type);
            insert.setInt(3, version);
            insert.setObject(4, subjectId);
            insert.setString(5, text.toString());
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
        return id;
    }
}
