package org.clutch.shop.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;

import org.clutch.shop.TestShop;
import org.clutch.shop.db.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {

    @TempDir
    Path directory;

    /** A day offline leaves thousands of events; each batch must cost the same whatever is still waiting behind it. */
    @Test
    void aBatchIsReadOldestFirstWithoutReadingTheRestOfTheBacklog() {
        try (TestShop t = new TestShop(directory)) {
            t.shop.database().inTransaction(c -> {
                for (int i = 0; i < 3_000; i++) {
                    Outbox.record(c, "inventory.movement-recorded", UUID.randomUUID(), Json.createObjectBuilder().add("n", i).build(),
                            t.clock.instant());
                }
                return null;
            });
            List<UUID> all = t.shop.database().read(c -> ids(c, "SELECT id FROM outbox_event ORDER BY seq", Integer.MAX_VALUE));
            t.shop.database().inTransaction(c -> {
                try (PreparedStatement mark = c.prepareStatement("UPDATE outbox_event SET sent_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                    for (UUID id : all.subList(0, 1_000)) {
                        mark.setObject(1, id);
                        mark.addBatch();
                    }
                    mark.executeBatch();
                }
                return null;
            });

            List<UUID> batch = t.shop.database().read(c -> ids(c, OutboxSender.NEXT_UNSENT, 500));
            String plan = t.shop.database().read(c -> {
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + OutboxSender.NEXT_UNSENT)) {
                    explain.setInt(1, 500);
                    try (ResultSet rows = explain.executeQuery()) {
                        rows.next();
                        return rows.getString(1);
                    }
                }
            });

            assertEquals(all.subList(1_000, 1_500), batch, "the 500 oldest unsent events, in the order they were recorded");
            assertEquals(all.size() - 1_000, new OutboxSender(t.shop.database(), t.clock).waiting());
            assertTrue(plan.contains("index sorted") && plan.contains("scanCount: 500 "),
                    "read along the outbox_unsent index, 500 rows and no sort of the other " + (all.size() - 1_500) + ":\n" + plan);
        }
    }

    private static List<UUID> ids(Connection c, String query, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(query)) {
            if (query.contains("?")) {
                select.setInt(1, limit);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
