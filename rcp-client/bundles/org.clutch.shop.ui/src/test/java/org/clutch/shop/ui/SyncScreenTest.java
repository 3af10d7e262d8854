package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;

import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncSettings;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sync screen and the status line while the marketplace cannot be reached (sending against a real broker is
 * tested end to end in the backend's DesktopSenderIT and DesktopSyncIT): a manager sets where the shop syncs, bad
 * settings are refused with a message, the shop sees it is offline with what waits, and the log says so.
 */
class SyncScreenTest {

    private static final String SHOP_ID = "3f2c1d4e-0000-4000-8000-000000000042";

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private SyncJob sync;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 464000, 5);
        Cart cart = new Cart(ui.shop.profile().tax());
        cart.add(ui.shop.catalog().findByNumber("BP-100").get(0), 1);
        ui.shop.sales().complete(cart, List.of(Tender.cash(464000)), ui.clerk);
        sync = ui.syncWithUnreachableBroker();
    }

    @AfterEach
    void close() {
        sync.stop();
        ui.close();
    }

    @Test
    void aManagerSetsWhereTheShopSyncsAndSeesItOfflineWithWhatWaits() {
        new SyncView(ui.shell, ui.session(ui.manager), sync);
        SyncStatusLine statusLine = new SyncStatusLine(ui.shell, sync);
        ui.show();
        long waiting = new OutboxSender(ui.shop.database(), ui.shop.clock()).waiting();
        assertTrue(waiting >= 3, "the part, its stock and the sale wait: " + waiting);

        ui.type("sync-shop-id", "shop 42");
        ui.type("sync-broker-url", "tcp://broker.example:61616");
        ui.click("sync-save");
        assertTrue(ui.status().contains("\"shop 42\" is not one"), ui.status());
        ui.type("sync-shop-id", SHOP_ID);
        ui.type("sync-broker-url", "http://broker.example");
        ui.click("sync-save");
        assertTrue(ui.status().contains("must look like tcp://host:61616"), ui.status());
        assertTrue(SyncSettings.load(ui.shop.database()).isEmpty(), "nothing kept of bad settings");

        ui.type("sync-broker-url", "tcp://broker.example:61616");
        ui.type("sync-user", "shop-42");
        ui.type("sync-password", "s3cret");
        ui.click("sync-save");
        assertEquals(new SyncSettings(UUID.fromString(SHOP_ID), "tcp://broker.example:61616", "shop-42", "s3cret"),
                SyncSettings.load(ui.shop.database()).orElseThrow());

        // the screen and the status line each hear of the new state on the UI thread, one after the other
        ui.waitFor(() -> ui.<Label>find("sync-summary").getText().startsWith("Offline")
                && statusLine.control().getText().startsWith("Offline"));
        String expected = String.format("Offline · %d changes waiting · not synced yet", waiting);
        assertEquals(expected, ui.<Label>find("sync-summary").getText());
        assertEquals(expected, statusLine.control().getText(), "the status line says the same on every screen");
        assertTrue(statusLine.control().getToolTipText().contains("The marketplace cannot be reached"));
        Label problem = ui.find("sync-problem");
        assertTrue(problem.getText().endsWith("The marketplace cannot be reached (is the internet connection down?);"
                + " sales and changes are kept here and sent when it is back."), problem.getText());
        assertFalse(problem.getText().contains("AMQ"), "no broker error codes in the shop's words");
        assertEquals("For whoever supports the shop: tcp://broker.example:61616: Failed to create session factory:"
                + " AMQ219007: Cannot connect to server(s). Tried with all available servers.", problem.getToolTipText());
        Table log = ui.find("sync-log");
        assertEquals("offline", log.getItem(0).getText(1));
        assertTrue(log.getItem(0).getText(3).contains("cannot be reached"));
        assertEquals(waiting, new OutboxSender(ui.shop.database(), ui.shop.clock()).waiting(), "nothing marked sent");
    }

    @Test
    void aClerkSeesTheSyncButCannotChangeWhereItGoes() {
        new SyncSettings(UUID.fromString(SHOP_ID), "tcp://broker.example:61616", null, null).save(ui.shop.database());
        ShopSession session = ui.session(ui.clerk);
        new SyncView(ui.shell, session, sync);
        ui.show();

        assertEquals(SHOP_ID, ui.<Text>find("sync-shop-id").getText());
        assertFalse(ui.<Text>find("sync-broker-url").getEnabled());
        assertFalse(ui.find("sync-save").getVisible(), "no Save for a clerk");
        assertEquals("Only a manager changes where the shop syncs.", ui.<Label>find("sync-manager-only").getText());

        ui.prompter.answer(ui.manager);
        assertEquals(ShopSession.SignOut.SIGNED_IN, session.signOut());
        ui.settle();
        assertTrue(ui.find("sync-save").getVisible(), "the manager who signed in at the till may change it");
        assertTrue(ui.<Text>find("sync-broker-url").getEnabled());
        assertFalse(ui.find("sync-manager-only").getVisible());
        ui.prompter.answer(ui.clerk);
        session.signOut();

        ui.click("sync-now");
        ui.waitFor(() -> ui.<Label>find("sync-summary").getText().startsWith("Offline"));
        assertEquals("offline", ui.<Table>find("sync-log").getItem(0).getText(1));
    }

    @Test
    void aFieldChangedOnBothSidesIsReviewedAndTheShopsValueTakenBack() {
        Part part = ui.part("04465-02220", "Brake pads front", null, 4_500_00, 5);
        long headOfficeLater = HybridClock.of(ui.shop.clock().instant().plusSeconds(3600));
        String payload = Json.createObjectBuilder().add("partId", part.id().toString())
                .add("values", Json.createObjectBuilder().add("name", "Disc pads (head office)"))
                .add("stamps", Json.createObjectBuilder().add("name", headOfficeLater))
                .add("replaced", Json.createObjectBuilder().add("name", 1L)) // not the version this shop holds
                .add("by", "head office").add("at", Instant.now().toString()).build().toString();
        sync.agent().headOffice().apply(new SyncEvent(UUID.randomUUID(), UUID.randomUUID(),
                ShopInboxTypes.PART_CHANGED, 1, part.id(), Instant.now(), payload));
        new SyncView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();

        Table conflicts = ui.find("edit-conflicts");
        assertEquals(1, conflicts.getItemCount());
        assertEquals("Part 04465-02220 (Disc pads (head office))", conflicts.getItem(0).getText(1));
        assertEquals("Name", conflicts.getItem(0).getText(2));
        assertEquals("Disc pads (head office)", conflicts.getItem(0).getText(3));
        assertEquals("head office", conflicts.getItem(0).getText(4));
        assertEquals("Brake pads front", conflicts.getItem(0).getText(5));
        assertEquals("Disc pads (head office)", ui.shop.catalog().get(part.id()).orElseThrow().name(), "the later edit is kept");

        ui.click("conflict-take-other");
        assertEquals("Brake pads front", ui.shop.catalog().get(part.id()).orElseThrow().name());
        assertEquals(0, conflicts.getItemCount());
        assertTrue(ui.status().contains("head office gets it with the next sync"), ui.status());
    }

    @Test
    void aCustomersCreditLimitChangedOnBothSidesIsListedAndOnlyAManagerTakesHeadOfficesLimit() {
        Customer fleet = ui.shop.customers().save(new Customer(null, "Rift Valley Haulage", null, null, null, 8_000_00, 0, null,
                List.of()), ui.manager);
        long headOfficeEarlier = HybridClock.of(ui.shop.clock().instant().minusSeconds(3600));
        String payload = Json.createObjectBuilder().add("customerId", fleet.id().toString())
                .add("values", Json.createObjectBuilder().add(CustomerFields.CREDIT_LIMIT, 2_000_00))
                .add("stamps", Json.createObjectBuilder().add(CustomerFields.CREDIT_LIMIT, headOfficeEarlier))
                .add("replaced", Json.createObjectBuilder().add(CustomerFields.CREDIT_LIMIT, 1L))
                .add("by", "head office").add("at", Instant.now().toString()).build().toString();
        sync.agent().take(new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), ShopInboxTypes.CUSTOMER_CHANGED, 1, fleet.id(),
                Instant.now(), payload));
        new SyncView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();

        Table conflicts = ui.find("edit-conflicts");
        assertEquals(1, conflicts.getItemCount());
        assertEquals("Customer Rift Valley Haulage", conflicts.getItem(0).getText(1));
        assertEquals("Credit limit", conflicts.getItem(0).getText(2));
        assertEquals(ui.shop.profile().currency().format(8_000_00), conflicts.getItem(0).getText(3));
        assertEquals("this shop", conflicts.getItem(0).getText(4));
        assertEquals(ui.shop.profile().currency().format(2_000_00), conflicts.getItem(0).getText(5));
        assertEquals("customer", ui.<Table>find("sync-log").getItem(0).getText(1), "the change is in the sync log");

        ui.click("conflict-take-other");
        assertTrue(ui.status().toLowerCase().contains("manager"), ui.status());
        assertEquals(8_000_00, ui.shop.customers().get(fleet.id()).orElseThrow().creditLimitMinor(), "a clerk changed nothing");
        assertEquals(1, conflicts.getItemCount());

        ui.click("conflict-keep");
        assertEquals(0, conflicts.getItemCount());
        assertEquals("Credit limit of Rift Valley Haulage stays " + ui.shop.profile().currency().format(8_000_00) + ".",
                ui.status());
    }

    @Test
    void theShopsSettingsOnTheMarketplaceShowAsTheyLastCame() {
        new SyncView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();
        assertEquals("The marketplace has not sent this shop's settings yet.", ((Label) ui.find("sync-marketplace-settings")).getText());
        ui.shell.getChildren()[0].dispose();

        UUID shopId = UUID.randomUUID();
        sync.agent().marketplaceSettings().receive(new SyncEvent(UUID.randomUUID(), shopId, ShopInboxTypes.SHOP_SETTINGS, 1, shopId,
                Instant.now(), """
                {"shopId":"%s","name":"Westlands Auto Spares","status":"SUSPENDED","statusReason":"documents expired",
                 "address":"Westlands","serviceRadiusKm":15,"makes":["TOYOTA"],"pricingStrategy":"MANUAL","pricingPercent":null,
                 "autoQuote":false,"at":"2026-11-22T10:00:00Z"}""".formatted(shopId)));
        new SyncView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();
        assertEquals("On the marketplace: Westlands Auto Spares: suspended (documents expired); TOYOTA within 15 km; prices set by "
                + "hand; automatic quotes off.", ((Label) ui.find("sync-marketplace-settings")).getText());
    }
}
