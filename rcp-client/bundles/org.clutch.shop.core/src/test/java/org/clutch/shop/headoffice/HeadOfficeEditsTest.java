package org.clutch.shop.headoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.CatalogRecords;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerRecords;
import org.clutch.shop.customers.CustomerVehicle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head office's changes of parts and customers merged with the shop's own, field by field, the later edit winning;
 * fields both sides changed while apart are listed with the value that lost, which a person may keep instead.
 */
class HeadOfficeEditsTest {

    private static final UUID SHOP = UUID.fromString("5a1e5000-0000-4000-8000-000000000001");

    @TempDir
    Path directory;

    @Test
    void aChangeOfAFieldTheShopDidNotTouchIsTakenWithoutFuss() {
        try (TestShop t = new TestShop(directory)) {
            UUID pads = t.part("04465-02220", "Brake pads front", null, 2_000_00, 4_500_00, 5).id();
            HeadOfficeEdits edits = edits(t);
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
            HeadOfficeEdits edits = edits(t);

            // head office renamed it earlier than the shop did: the shop's name stays, head office's is listed
            edits.apply(change(pads, "name", "Disc brake pads (front)", ours - 1, before));
            assertEquals("Brake pads, front axle", t.shop.catalog().get(pads).orElseThrow().name());
            EditConflict listed = edits.open().get(0);
            assertEquals(EditConflict.Side.HERE, listed.keptFrom());
            assertEquals("Brake pads, front axle", listed.keptValue());
            assertEquals("Disc brake pads (front)", listed.otherValue());

            // and later again, after the shop's edit but without having seen it: head office's wins, the shop's is listed
            edits.apply(change(pads, "category", "Brakes & discs", ours + 10, before));
            edits.apply(change(pads, "name", "Pads (head office)", ours + 20, before));
            assertEquals("Pads (head office)", t.shop.catalog().get(pads).orElseThrow().name());
            assertEquals("Brakes & discs", t.shop.catalog().get(pads).orElseThrow().category(), "the shop never changed it");
            List<EditConflict> open = edits.open();
            assertEquals(2, open.size());
            EditConflict lost = open.stream().filter(c -> c.keptFrom() == EditConflict.Side.HEAD_OFFICE).findFirst().orElseThrow();
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
            HeadOfficeEdits edits = edits(t);
            edits.apply(change(pads, "priceMinor", 4_700_00, ours - 1, before));
            EditConflict conflict = edits.open().get(0);
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
            HeadOfficeEdits edits = edits(t);
            assertThrows(RuleException.class, () -> edits.apply(new SyncEvent(UUID.randomUUID(), SHOP,
                    ShopInboxTypes.PART_CHANGED, 1, pads, Instant.now(), "{\"partId\":\"" + pads + "\"}")));
            assertTrue(edits.apply(change(UUID.randomUUID(), "name", "x", 1, 0)).isEmpty(), "a part not known here");
            assertEquals("Brake pads front", t.shop.catalog().get(pads).orElseThrow().name());
        }
    }

    @Test
    void aCustomerSavedHereCarriesEachFieldsStampAndOnlyAChangedFieldGetsANewOne() {
        try (TestShop t = new TestShop(directory)) {
            Customer fleet = t.shop.customers().save(new Customer(null, "Rift Valley Haulage", "0722 100 200", null, null,
                    500_000_00, 0, null, List.of(new CustomerVehicle(null, "Isuzu", "FRR", 2019, "", null, "KCB 441X"))),
                    t.manager);
            JsonObject first = lastCustomerSave(t);
            assertEquals(2, versions(t, "customers.customer-saved").get(0), "version 2: with stamps");
            long created = first.getJsonObject("stamps").getJsonNumber(CustomerFields.NAME).longValue();
            CustomerFields.ALL.forEach(f -> assertEquals(created, first.getJsonObject("stamps").getJsonNumber(f).longValue(), f));
            assertEquals("KCB 441X", first.getJsonArray("vehicles").getJsonObject(0).getString("plate"));

            t.clock.advanceSeconds(60);
            t.shop.customers().save(new Customer(fleet.id(), fleet.name(), "0733 900 900", fleet.email(), fleet.taxNumber(),
                    fleet.creditLimitMinor(), fleet.balanceMinor(), fleet.note(), fleet.vehicles()), t.clerk);
            JsonObject second = lastCustomerSave(t);
            long phone = second.getJsonObject("stamps").getJsonNumber(CustomerFields.PHONE).longValue();
            assertTrue(phone > created);
            for (String f : List.of(CustomerFields.NAME, CustomerFields.EMAIL, CustomerFields.CREDIT_LIMIT, CustomerFields.VEHICLES)) {
                assertEquals(created, second.getJsonObject("stamps").getJsonNumber(f).longValue(), f + " was not changed");
            }
        }
    }

    @Test
    void headOfficesCustomerChangeMergesFieldByFieldAndBothSidesChangesOfOneFieldAreListed() {
        try (TestShop t = new TestShop(directory)) {
            Customer fleet = t.shop.customers().save(new Customer(null, "Rift Valley Haulage", "0722 100 200", null, null,
                    500_000_00, 0, null, List.of(new CustomerVehicle(null, "Isuzu", "FRR", 2019, "", null, "KCB 441X"))),
                    t.manager);
            long before = lastCustomerSave(t).getJsonObject("stamps").getJsonNumber(CustomerFields.PHONE).longValue();
            t.clock.advanceSeconds(60);
            t.shop.customers().save(new Customer(fleet.id(), fleet.name(), "0733 900 900", fleet.email(), fleet.taxNumber(),
                    fleet.creditLimitMinor(), fleet.balanceMinor(), fleet.note(), fleet.vehicles()), t.clerk); // here, while apart
            long ours = lastCustomerSave(t).getJsonObject("stamps").getJsonNumber(CustomerFields.PHONE).longValue();
            int saves = versions(t, "customers.customer-saved").size();
            HeadOfficeEdits edits = edits(t);

            // head office, later, without having seen the shop's phone: sets its own phone, an e-mail and a lower limit
            String what = edits.apply(customerChange(fleet.id(), ours + 10, before, CustomerFields.PHONE, "0700 000 001",
                    CustomerFields.EMAIL, "accounts@riftvalley.example", CustomerFields.CREDIT_LIMIT, 300_000_00L)).orElseThrow();

            Customer now = t.shop.customers().get(fleet.id()).orElseThrow();
            assertEquals("0700 000 001", now.phone(), "the later edit wins");
            assertEquals("accounts@riftvalley.example", now.email());
            assertEquals(300_000_00, now.creditLimitMinor(), "head office's credit decision holds without a manager here");
            assertEquals("KCB 441X", now.vehicles().get(0).plate(), "the vehicles are the shop's");
            assertEquals(fleet.id(), t.shop.customers().search("0700", 5).get(0).id(), "found by the phone it has now");
            assertEquals(saves, versions(t, "customers.customer-saved").size(), "head office already has its own change: nothing goes back");
            assertTrue(what.contains("of Rift Valley Haulage") && what.contains("1 field(s) were changed on both sides"), what);

            List<EditConflict> open = edits.open();
            assertEquals(1, open.size(), "only the phone was changed on both sides");
            EditConflict phone = open.get(0);
            assertEquals(EditConflict.Subject.CUSTOMER, phone.subject());
            assertEquals("Rift Valley Haulage", phone.label());
            assertEquals(CustomerFields.PHONE, phone.field());
            assertEquals(EditConflict.Side.HEAD_OFFICE, phone.keptFrom());
            assertEquals("0733 900 900", phone.otherValue());

            // the counter knows the driver's number is right: it is kept, as a new edit that goes to head office
            edits.keepOther(phone.id(), t.clerk);
            assertEquals("0733 900 900", t.shop.customers().get(fleet.id()).orElseThrow().phone());
            JsonObject resent = lastCustomerSave(t);
            assertEquals("0733 900 900", resent.getString("phone"));
            assertTrue(resent.getJsonObject("stamps").getJsonNumber(CustomerFields.PHONE).longValue() > ours + 10,
                    "it wins at head office too");
            assertEquals(300_000_00, resent.getJsonNumber("creditLimitMinor").longValue(), "head office's limit goes back unchanged");
            assertTrue(edits.open().isEmpty());
        }
    }

    @Test
    void anOlderCustomerChangeFromHeadOfficeLeavesTheShopsValueAndTakingItBackOfACreditLimitNeedsAManager() {
        try (TestShop t = new TestShop(directory)) {
            Customer fleet = t.shop.customers().save(new Customer(null, "Rift Valley Haulage", null, null, null, 500_000_00, 0,
                    null, List.of()), t.manager);
            long before = lastCustomerSave(t).getJsonObject("stamps").getJsonNumber(CustomerFields.CREDIT_LIMIT).longValue();
            t.clock.advanceSeconds(60);
            t.shop.customers().save(fleet.withCreditLimit(800_000_00), t.manager);
            long ours = lastCustomerSave(t).getJsonObject("stamps").getJsonNumber(CustomerFields.CREDIT_LIMIT).longValue();
            HeadOfficeEdits edits = edits(t);

            String what = edits.apply(customerChange(fleet.id(), ours - 1, before, CustomerFields.CREDIT_LIMIT, 200_000_00L))
                    .orElseThrow();
            assertEquals(800_000_00, t.shop.customers().get(fleet.id()).orElseThrow().creditLimitMinor());
            assertTrue(what.contains("kept this shop's later edit of 1 field(s)"), what);
            EditConflict limit = edits.open().get(0);
            assertEquals(EditConflict.Side.HERE, limit.keptFrom());
            assertEquals("20000000", limit.otherValue());

            RuleException clerk = assertThrows(RuleException.class, () -> edits.keepOther(limit.id(), t.clerk));
            assertTrue(clerk.getMessage().toLowerCase().contains("manager"), clerk.getMessage());
            edits.keepOther(limit.id(), t.manager);
            assertEquals(200_000_00, t.shop.customers().get(fleet.id()).orElseThrow().creditLimitMinor());
        }
    }

    @Test
    void aCustomerChangeOfTheVehiclesOrOfACustomerNotKnownHereChangesNothing() {
        try (TestShop t = new TestShop(directory)) {
            Customer fleet = t.shop.customers().save(new Customer(null, "Rift Valley Haulage", null, null, null, 0, 0, null,
                    List.of(new CustomerVehicle(null, "Isuzu", "FRR", 2019, "", null, "KCB 441X"))), t.manager);
            HeadOfficeEdits edits = edits(t);
            assertThrows(RuleException.class, () -> edits.apply(customerChange(fleet.id(), Long.MAX_VALUE / 2, 0,
                    CustomerFields.VEHICLES, "[]")), "the vehicles are not head office's to change");
            assertTrue(edits.apply(customerChange(UUID.randomUUID(), Long.MAX_VALUE / 2, 0, CustomerFields.NAME, "x")).isEmpty());
            assertEquals(1, t.shop.customers().get(fleet.id()).orElseThrow().vehicles().size());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static HeadOfficeEdits edits(TestShop t) {
        return new HeadOfficeEdits(t.shop.database(), t.clock, List.of(new CatalogRecords(t.shop.catalog()),
                new CustomerRecords(t.shop.database(), t.clock)));
    }

    private static SyncEvent customerChange(UUID customerId, long stamp, long replaced, Object... fieldsAndValues) {
        return headOfficeChange(ShopInboxTypes.CUSTOMER_CHANGED, "customerId", customerId, stamp, replaced, fieldsAndValues);
    }

    private static SyncEvent change(UUID partId, String field, Object value, long stamp, long replaced) {
        return headOfficeChange(ShopInboxTypes.PART_CHANGED, "partId", partId, stamp, replaced, field, value);
    }

    /** Head office's change as it puts it on the inbox: field, value pairs, all with one stamp and one replaced stamp. */
    private static SyncEvent headOfficeChange(String type, String keyField, UUID id, long stamp, long replaced,
            Object... fieldsAndValues) {
        var values = Json.createObjectBuilder();
        var stamps = Json.createObjectBuilder();
        var replacedStamps = Json.createObjectBuilder();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = (String) fieldsAndValues[i];
            if (fieldsAndValues[i + 1] instanceof Number n) {
                values.add(field, n.longValue());
            } else {
                values.add(field, fieldsAndValues[i + 1].toString());
            }
            stamps.add(field, stamp);
            replacedStamps.add(field, replaced);
        }
        String payload = Json.createObjectBuilder().add(keyField, id.toString()).add("values", values)
                .add("stamps", stamps).add("replaced", replacedStamps).add("by", "head office")
                .add("at", Instant.now().toString()).build().toString();
        return new SyncEvent(UUID.randomUUID(), SHOP, type, 1, id, Instant.now(), payload);
    }

    private static JsonObject lastCustomerSave(TestShop t) {
        List<JsonObject> saves = t.outbox("customers.customer-saved");
        return saves.get(saves.size() - 1);
    }

    /** The versions of the outbox events of one type, oldest first. */
    private static List<Integer> versions(TestShop t, String type) {
        return t.shop.database().read(c -> {
            List<Integer> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT version FROM outbox_event WHERE type = ? ORDER BY seq")) {
                select.setString(1, type);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getInt(1));
                    }
                }
            }
            return found;
        });
    }

    private static void rename(TestShop t, UUID id, String name) {
        Part p = t.shop.catalog().get(id).orElseThrow();
        t.shop.catalog().save(new Part(id, p.partNumber(), p.brand(), name, p.category(), p.barcode(), p.costMinor(),
                p.priceMinor(), p.taxable(), p.defaultBin(), p.minQty(), p.maxQty(), p.reorderPoint(), p.crossReferences(),
                p.fitments()), t.clerk);
    }

    private static JsonObject lastSaved(TestShop t) {
        List<JsonObject> saves = saves(t);
        return saves.get(saves.size() - 1);
    }

    private static List<JsonObject> saves(TestShop t) {
        versions(t, "catalog.part-saved").forEach(version -> assertEquals(2, version));
        return t.outbox("catalog.part-saved");
    }
}
