package org.clutch.shop;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.staff.Role;
import org.clutch.shop.staff.Staff;

/** A shop on a fresh database in a temporary directory, with a clock the test moves, two staff and some parts. */
public final class TestShop implements AutoCloseable {

    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    public final Shop shop;
    public final Staff manager;
    public final Staff clerk;

    public TestShop(Path directory) {
        shop = Shop.open(directory, clock);
        manager = shop.staff().create("amina", "Amina Wanjiru", Role.MANAGER, "manager-pass".toCharArray());
        clerk = shop.staff().create("otieno", "Otieno Ouma", Role.CLERK, "clerk-pass".toCharArray());
    }

    /** A part priced {@code price} (minor units) with {@code stock} units in its bin. */
    public PartSummary part(String number, String name, String barcode, long cost, long price, int stock) {
        Part part = shop.catalog().save(new Part(null, number, "Bosch", name, "Brakes", barcode, cost, price, true,
                "A-01", 0, 0, 0, List.of(new CrossReference(CrossReference.Kind.OEM, "Toyota", "OEM-" + number)),
                List.of(new Fitment("Toyota", "Corolla", 2014, 2019, "1.8"))), manager);
        if (stock != 0) {
            shop.inventory().adjust(part.id(), "A-01", stock, "opening stock", manager);
        }
        return shop.catalog().findByNumber(number).get(0);
    }

    /** The payloads of the outbox events of one type, oldest first: what the desktop will send. */
    public List<JsonObject> outbox(String type) {
        return shop.database().read(c -> {
            List<JsonObject> payloads = new ArrayList<>();
            try (var select = c.prepareStatement("SELECT payload FROM outbox_event WHERE type = ? ORDER BY seq")) {
                select.setString(1, type);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        payloads.add(Json.createReader(new StringReader(rows.getString(1))).readObject());
                    }
                }
            }
            return payloads;
        });
    }

    @Override
    public void close() {
        shop.close();
    }

    public static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        public void advanceSeconds(long seconds) {
            now.updateAndGet(i -> i.plusSeconds(seconds));
        }

        public void advanceDays(int days) {
            now.updateAndGet(i -> i.plusSeconds(86_400L * days));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
