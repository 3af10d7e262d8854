package org.clutch.shop.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.customers.CustomerRecords;
import org.clutch.shop.headoffice.HeadOfficeEdits;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop that upgrades with customers saved before stamps existed: head office stamped their fields with their last
 * save (customer-saved version 1), so the desktop must count them as set then too, or head office's next change would
 * be taken for an older one.
 */
class CustomerStampsMigrationTest {

    private static final Instant FIRST_SAVE = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant LAST_SAVE = Instant.parse("2026-10-05T08:00:00Z");
    private static final Instant LAST_SALE_ON_ACCOUNT = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant HEAD_OFFICE_EDIT = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aCustomerSavedBeforeStampsCountsAsSetAtItsLastSaveNotAtItsLastSaleOnAccount() throws Exception {
        UUID fleet = UUID.randomUUID();
        UUID walkIn = UUID.randomUUID();
        JdbcConnectionPool before = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("shop"), "shop", "");
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(before)
                    .resourceProvider(new BundledMigrations(getClass().getClassLoader())).target("10").load().migrate();
            try (Connection c = before.getConnection()) {
                customer(c, fleet, "Rift Valley Haulage", LAST_SALE_ON_ACCOUNT); // a sale on account moved updated_at
                customer(c, walkIn, "Walk-in Fleet", FIRST_SAVE);
                saved(c, fleet, FIRST_SAVE);
                saved(c, fleet, LAST_SAVE);
            }
        } finally {
            before.dispose();
        }

        try (TestShop t = new TestShop(directory)) { // opens the shop: the later migrations run
            HeadOfficeEdits edits = new HeadOfficeEdits(t.shop.database(), t.clock, List.of(new CustomerRecords(t.shop.database(), t.clock)));

            edits.apply(phoneChange(fleet, "0700 000 001", HybridClock.of(LAST_SAVE)));
            edits.apply(phoneChange(walkIn, "0700 000 002", HybridClock.of(FIRST_SAVE)));

            assertEquals("0700 000 001", t.shop.customers().get(fleet).orElseThrow().phone(),
                    "head office changed it after the last save: its change is the later edit");
            assertEquals("0700 000 002", t.shop.customers().get(walkIn).orElseThrow().phone(),
                    "never saved since the outbox began: it counts as set when it was created");
            assertTrue(edits.open().isEmpty(), "head office changed the version the desktop holds: no clash to review");
        }
    }

    private static void customer(Connection c, UUID id, String name, Instant updatedAt) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO customer (id, name, name_key, phone, credit_limit_minor, balance_minor, created_at, updated_at)
                VALUES (?, ?, UPPER(?), '0722 100 200', 0, 0, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.setString(3, name);
            insert.setTimestamp(4, Timestamp.from(FIRST_SAVE));
            insert.setTimestamp(5, Timestamp.from(updatedAt));
            insert.executeUpdate();
        }
    }

    private static void saved(Connection c, UUID id, Instant at) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, version, subject_id, payload, created_at, sent_at)
                VALUES (?, 'customers.customer-saved', 1, ?, '{}', ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, id);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static SyncEvent phoneChange(UUID customerId, String phone, long replaced) {
        long stamp = HybridClock.of(HEAD_OFFICE_EDIT);
        String payload = Json.createObjectBuilder().add("customerId", customerId.toString())
                .add("values", Json.createObjectBuilder().add(CustomerFields.PHONE, phone))
                .add("stamps", Json.createObjectBuilder().add(CustomerFields.PHONE, stamp))
                .add("replaced", Json.createObjectBuilder().add(CustomerFields.PHONE, replaced))
                .add("by", "head office").add("at", HEAD_OFFICE_EDIT.toString()).build().toString();
        return new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), ShopInboxTypes.CUSTOMER_CHANGED, 1, customerId,
                HEAD_OFFICE_EDIT, payload);
    }
}
