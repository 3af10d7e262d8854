package org.clutch.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
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
import org.clutch.shop.RuleException;
import org.clutch.shop.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head office's catalog changes merged with the shop's own, field by field, the later edit winning; fields both sides
 * changed while apart are listed with the value that lost, which a person may keep instead.
 */
class HeadOfficeEditsTest {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path directory;

    @Test
    void aChangeOfAFieldTheShopDidNotTouchIsTakenWithoutFuss() {
        try (TestShop t = new TestShop(directory)) {
            UUID pads = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5).id();
            HeadOfficeEdits edits = new HeadOfficeEdits(t.shop.database(), t.shop.catalog(), t.clock);
            long saved = lastSaved(t).getJsonObject("stamps").getJsonNumber("priceMinor").longValue();
            int events = saves(t).size();

            String what = edits.apply(change(pads, "priceMinor", 4_700_00, saved + 5_000, saved)).orElseThrow();

            assertEquals(4_700_00, t.shop.catalog().get(pads).orElseThrow().priceMinor());
            assertTrue(edits.open().isEmpty());
            assertEquals(events, saves(t).size(), "head office already has its own change: nothing goes back");
            assertTrue(what.contains("priceMinor of 04465-02220"), what);
        }
    }

    @Test
    void aFieldChangedOnBothSidesKeepsTheLaterEditAndListsTheOther() {
        try (TestShop t = new TestShop(directory)) {
            PartSummary summary = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5);
            UUID pads = summary.id();
            long before = lastSaved(t).getJsonObject("stamps").getJsonNumber("name").longValue();
            t.clock.advanceSeconds(60);
            rename(t, pads, "Brake pads, front axle"); // here, while apart
            long ours = lastSaved(t).getJsonObject("stamps").getJsonNumber("name").longValue();
            HeadOfficeEdits edits = new HeadOfficeEdits(t.shop.database(), t.shop.catalog(), t.clock);

            // head office renamed it earlier than the shop did: the shop's name stays, head office's is listed
            edits.apply(change(pads, "name", "Disc brake pads (front)", ours - 1, before));
            assertEquals("Brake pads, front axle", t.shop.catalog().get(pads).orElseThrow().name());
            CatalogConflict listed = edits.open().get(0);
            assertEquals(CatalogConflict.Side.HERE, listed.keptFrom());
            assertEquals("Brake pads, front axle", listed.keptValue());
            assertEquals("Disc brake pads (front)", listed.otherValue());

            // and later again, after the shop's edit but without having seen it: head office's wins, the shop's is listed
            edits.apply(change(pads, "category", "Brakes & discs", ours + 10, before));
            edits.apply(change(pads, "name", "Pads (head office)", ours + 20, before));
            assertEquals("Pads (head office)", t.shop.catalog().get(pads).orElseThrow().name());
            assertEquals("Brakes & discs", t.shop.catalog().get(pads).orElseThrow().category(), "the shop never changed it");
            List<CatalogConflict> open = edits.open();
            assertEquals(2, open.size());
            CatalogConflict lost = open.stream().filter(c -> c.keptFrom() == CatalogConflict.Side.HEAD_OFFICE).findFirst().orElseThrow();
            assertEquals("Brake pads, front axle", lost.otherValue());
            assertTrue(t.shop.catalog().search("axle", 10).isEmpty(), "the search finds the part by the name it has now");
            assertEquals(pads, t.shop.catalog().search("head office", 10).get(0).id());

            // a person prefers the shop's name after all: a new edit here, later than head office's
            edits.keepOther(lost.id(), t.clerk);
            assertEquals("Brake pads, front axle", t.shop.catalog().get(pads).orElseThrow().name());
            JsonObject resent = lastSaved(t);
            assertEquals("Brake pads, front axle", resent.getString("name"));
            assertTrue(resent.getJsonObject("stamps").getJsonNumber("name").longValue() > ours + 20, "it wins at head office too");
            edits.keep(listed.id(), t.clerk);
            assertTrue(edits.open().isEmpty());
            assertThrows(RuleException.class, () -> edits.keep(listed.id(), t.clerk), "reviewed once");
        }
    }

    @Test
    void takingHeadOfficesPriceInsteadNeedsAManager() {
        try (TestShop t = new TestShop(directory)) {
            UUID pads = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5).id();
            long before = lastSaved(t).getJsonObject("stamps").getJsonNumber("priceMinor").longValue();
            t.clock.advanceSeconds(60);
            Part part = t.shop.catalog().get(pads).orElseThrow();
            t.shop.catalog().save(new Part(pads, part.partNumber(), part.brand(), part.name(), part.category(), part.barcode(),
                    part.costMinor(), 4_900_00, part.taxable(), part.defaultBin(), 0, 0, 0, part.crossReferences(),
                    part.fitments()), t.manager);
            long ours = lastSaved(t).getJsonObject("stamps").getJsonNumber("priceMinor").longValue();
            HeadOfficeEdits edits = new HeadOfficeEdits(t.shop.database(), t.shop.catalog(), t.clock);
            edits.apply(change(pads, "priceMinor", 4_700_00, ours - 1, before));
            CatalogConflict conflict = edits.open().get(0);
            assertEquals("470000", conflict.otherValue());

            RuleException clerk = assertThrows(RuleException.class, () -> edits.keepOther(conflict.id(), t.clerk));
            assertTrue(clerk.getMessage().toLowerCase().contains("manager"), clerk.getMessage());
            assertEquals(1, edits.open().size(), "still to review");
            edits.keepOther(conflict.id(), t.manager);
            assertEquals(4_700_00, t.shop.catalog().get(pads).orElseThrow().priceMinor());
        }
    }

    @Test
    void anUnreadableChangeIsRefusedWithWhyAndChangesNothing() {
        try (TestShop t = new TestShop(directory)) {
            UUID pads = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5).id();
            HeadOfficeEdits edits = new HeadOfficeEdits(t.shop.database(), t.shop.catalog(), t.clock);
            assertThrows(RuleException.class, () -> edits.apply(new SyncEvent(UUID.randomUUID(), SHOP,
                    ShopInboxTypes.PART_CHANGED, 1, pads, Instant.now(), "{\"partId\":\"" + pads + "\"}")));
            assertTrue(edits.apply(change(UUID.randomUUID(), "name", "x", 1, 0)).isEmpty(), "a part not known here");
            assertEquals("Brake pads front", t.shop.catalog().get(pads).orElseThrow().name());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void rename(TestShop t, UUID id, String name) {
        Part p = t.shop.catalog().get(id).orElseThrow();
        t.shop.catalog().save(new Part(id, p.partNumber(), p.brand(), name, p.category(), p.barcode(), p.costMinor(),
                p.priceMinor(), p.taxable(), p.defaultBin(), p.minQty(), p.maxQty(), p.reorderPoint(), p.crossReferences(),
                p.fitments()), t.clerk);
    }

    private static SyncEvent change(UUID partId, String field, Object value, long stamp, long replaced) {
        var values = Json.createObjectBuilder();
        if (value instanceof Number n) {
            values.add(field, n.longValue());
        } else {
            values.add(field, value.toString());
        }
        String payload = Json.createObjectBuilder().add("partId", partId.toString()).add("values", values)
                .add("stamps", Json.createObjectBuilder().add(field, stamp))
                .add("replaced", Json.createObjectBuilder().add(field, replaced))
                .add("by", "head office").add("at", Instant.now().toString()).build().toString();
        return new SyncEvent(UUID.randomUUID(), SHOP, ShopInboxTypes.PART_CHANGED, 1, partId, Instant.now(), payload);
    }

    private static JsonObject lastSaved(TestShop t) {
        List<JsonObject> saves = saves(t);
        return saves.get(saves.size() - 1);
    }

    private static List<JsonObject> saves(TestShop t) {
        return t.shop.database().read(c -> {
            List<JsonObject> found = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT payload, version FROM outbox_event WHERE type = 'catalog.part-saved' ORDER BY seq")) {
                while (rows.next()) {
                    assertEquals(2, rows.getInt(2));
                    found.add(Json.createReader(new StringReader(rows.getString(1))).readObject());
                }
            }
            return found;
        });
    }
}
