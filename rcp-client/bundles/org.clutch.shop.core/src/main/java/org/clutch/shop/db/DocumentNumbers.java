package org.clutch.shop.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gapless document numbers. The counter row is updated on the document's own transaction: it stays locked
 * until that commits, and a rollback gives the number back, so printed numbers run without holes.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static long next(Connection c, String counter) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE document_counter SET last_value = last_value + 1 WHERE name = ?")) {
            update.setString(1, counter);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no document counter " + counter);
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT last_value FROM document_counter WHERE name = ?")) {
            select.setString(1, counter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
