package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.marketplace.IncomingRequest;
import org.clutch.shop.marketplace.LocalQuote;
import org.clutch.shop.marketplace.MarketplaceRequests;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quotes screen lists the requests to quote the desktop received, the newest first, with the parts asked for;
 * a quote is written there (started from the shelf) and what the marketplace says of it shows.
 */
class QuotesScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private SyncJob sync;

    @BeforeEach
    void open() {
        ui = new ScreenFixture(directory);
        sync = ui.syncWithUnreachableBroker();
    }

    @AfterEach
    void close() {
        sync.stop();
        ui.close();
    }

    @Test
    void receivedRequestsAreListedWithTheirParts() {
        Instant now = ui.shop.clock().instant();
        receive("Corolla", now.minusSeconds(900), """
                {"id":"%s","lineNo":1,"name":"Brake pads front","partNumber":"04465-02220","quantity":2}""");
        receive("Hilux", now.minusSeconds(60), """
                {"id":"%s","lineNo":1,"name":"Clutch kit","quantity":1,"notes":"heavy duty"},
                {"id":"%s","lineNo":2,"name":"Oil filter","quantity":1}""");
        new QuotesView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();

        Table requests = ui.find("incoming-requests");
        assertEquals(2, requests.getItemCount());
        assertEquals("2016 Toyota Hilux", requests.getItem(0).getText(1), "the newest first");
        assertEquals("2", requests.getItem(0).getText(3));
        assertEquals("3.4 km", requests.getItem(0).getText(4));
        Table lines = ui.find("request-lines");
        assertEquals(2, lines.getItemCount());
        assertEquals("Clutch kit", lines.getItem(0).getText(1));
        assertEquals("heavy duty", lines.getItem(0).getText(7));

        requests.select(1);
        requests.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals("04465-02220", ((Table) ui.find("request-lines")).getItem(0).getText(2));
        assertTrue(ui.status().isEmpty() || !ui.status().startsWith("No requests"), ui.status());
    }

    @Test
    void aQuoteIsWrittenFromTheShelfAdjustedAndQueuedWhileOffline() {
        ui.part("04465-02220", "Brake pads front", null, 4_500_00, 5);
        UUID requestId = receive("Corolla", ui.shop.clock().instant().minusSeconds(60), """
                {"id":"%s","lineNo":1,"name":"Brake pads front","partNumber":"04465-02220","quantity":2},
                {"id":"%s","lineNo":2,"name":"Wiper blades","quantity":1}""");
        new QuotesView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();

        Table lines = ui.find("request-lines");
        assertEquals("5", lines.getItem(0).getText(4), "on the shelf");
        assertEquals("Yes", lines.getItem(0).getText(5), "offered from stock");
        assertEquals("4,500.00", lines.getItem(0).getText(6), "at the shop's price");
        assertEquals("No", lines.getItem(1).getText(5));

        lines.select(1);
        lines.notifyListeners(SWT.Selection, new Event());
        ((Button) ui.find("line-offer")).setSelection(true);
        ui.type("line-price", "abc");
        ui.click("update-line");
        assertTrue(ui.status().contains("not an amount"), ui.status());
        ui.type("line-price", "850");
        ui.click("update-line");
        assertEquals("850.00", lines.getItem(1).getText(6));
        assertEquals("Total to the customer: KES 9,850.00", ((Label) ui.find("quote-total")).getText());

        ui.type("quote-freight", "300");
        ui.click("send-quote");
        assertTrue(ui.status().contains("goes with the next sync"), ui.status());
        Table requests = ui.find("incoming-requests");
        assertEquals("Waiting to send", requests.getItem(0).getText(6));
        IncomingRequest stored = sync.agent().requests().find(requestId).orElseThrow();
        assertEquals(LocalQuote.Status.WAITING, stored.quote().status());
        assertEquals(300_00, stored.quote().draft().freightMinor());
        assertEquals(1L, (long) ui.shop.database().read(c -> {
            try (var rows = c.createStatement().executeQuery(
                    "SELECT count(*) FROM outbox_event WHERE type = '" + ShopInboxTypes.QUOTE_SUBMITTED + "'")) {
                rows.next();
                return rows.getLong(1);
            }
        }), "one event waits in the outbox");
    }

    @Test
    void aQuoteTheMarketplaceRefusedShowsWhy() {
        UUID requestId = receive("Corolla", ui.shop.clock().instant().minusSeconds(60), """
                {"id":"%s","lineNo":1,"name":"Brake pads front","quantity":2}""");
        new MarketplaceRequests(ui.shop.database(), ui.shop.clock()).receive(new SyncEvent(UUID.randomUUID(), UUID.randomUUID(),
                ShopInboxTypes.QUOTE_OUTCOME, 1, requestId, Instant.now(), """
                {"requestId":"%s","quoteId":null,"status":"REFUSED","detail":"This parts request expired at 10:00.",
                "submissionId":null,"total":null,"currency":null,"revision":0,"at":"2026-11-20T10:00:00Z"}"""
                        .formatted(requestId)));
        new QuotesView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();
        assertEquals("Refused", ((Table) ui.find("incoming-requests")).getItem(0).getText(6));
        assertEquals("Refused. This parts request expired at 10:00.", ((Label) ui.find("quote-state")).getText());
    }

    @Test
    void theShopsMarketplaceOrdersShowWithThePartsTheyHoldAside() {
        ui.part("04465-02220", "Brake pads front", null, 4_500_00, 5);
        UUID orderId = UUID.randomUUID();
        sync.agent().orders().receive(orderChanged(orderId, "M-000042", "AWAITING_PAYMENT"));
        new QuotesView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();

        Table orders = ui.find("marketplace-orders");
        assertEquals(1, orders.getItemCount());
        assertEquals("M-000042", orders.getItem(0).getText(1));
        assertEquals("awaiting payment", orders.getItem(0).getText(3));
        assertEquals("2", orders.getItem(0).getText(4), "two pads set aside");
        assertEquals(3, ui.shop.inventory().onHandByBin(ui.shop.catalog().findByNumber("04465-02220").get(0).id()).get("A-01"));
    }

    @Test
    void theShopShipsAnOrderFromTheScreenAndSeesWhyTheMarketplaceRefusedIt() {
        ui.part("04465-02220", "Brake pads front", null, 4_500_00, 5);
        UUID orderId = UUID.randomUUID();
        sync.agent().take(orderChanged(orderId, "M-000043", "READY"));
        new QuotesView(ui.shell, ui.session(ui.clerk), sync);
        ui.show();
        Table orders = ui.find("marketplace-orders");
        Button step = ui.find("order-step");
        assertTrue(!step.getEnabled(), "nothing chosen");
        orders.setSelection(0);
        orders.notifyListeners(SWT.Selection, new Event());
        assertEquals("Ship…", step.getText());

        ui.prompter.answer("G4S Courier").answer("G4S-778812");
        ui.click("order-step");
        assertEquals("ready (shipping, waiting to sync)", orders.getItem(0).getText(3));
        assertTrue(!step.getEnabled(), "not twice while it waits");
        assertEquals("G4S-778812", ui.shop.database().read(c -> {
            try (var rows = c.createStatement().executeQuery(
                    "SELECT payload FROM outbox_event WHERE type = '" + ShopInboxTypes.ORDER_STEP + "'")) {
                rows.next();
                return jakarta.json.Json.createReader(new java.io.StringReader(rows.getString(1))).readObject().getString("trackingNumber");
            }
        }));

        sync.agent().take(new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), ShopInboxTypes.ORDER_STEP_REFUSED, 1, orderId,
                Instant.now(), """
                {"orderId":"%s","step":"SHIPPED","reason":"This order is already cancelled; it cannot be shipped."}"""
                        .formatted(orderId)));
        ui.waitFor(() -> !((Label) ui.find("order-note")).getText().isEmpty());
        assertEquals("The marketplace did not take the last step: This order is already cancelled; it cannot be shipped.",
                ((Label) ui.find("order-note")).getText());
        assertEquals("ready", orders.getItem(0).getText(3));
    }

    /** The order of two front pads as it comes on the inbox. */
    private static SyncEvent orderChanged(UUID orderId, String number, String status) {
        return new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), ShopInboxTypes.ORDER_CHANGED, 1, orderId, Instant.now(), """
                {"id":"%s","number":"%s","status":"%s","vehicle":"2016 Toyota Corolla","currency":"KES",
                 "total":9000.00,"deliveryAddress":"Kenyatta Avenue, Nairobi","lines":[
                 {"lineNo":1,"name":"Brake pads front","partNumber":"04465-02220","quantity":2,"unitPrice":4500.00}]}"""
                .formatted(orderId, number, status));
    }

    private UUID receive(String model, Instant dispatched, String linesTemplate) {
        UUID id = UUID.randomUUID();
        String lines = linesTemplate.formatted(UUID.randomUUID(), UUID.randomUUID());
        String payload = """
                {"dispatchedAt":"%s","distanceKm":3.42,"request":{"id":"%s","expiresAt":"%s","lines":[%s],"quotes":[],
                "status":"OPEN","vehicle":{"make":"Toyota","model":"%s","year":2016}}}"""
                .formatted(dispatched.atOffset(ZoneOffset.UTC), id, dispatched.plusSeconds(7200).atOffset(ZoneOffset.UTC),
                        lines, model);
        new MarketplaceRequests(ui.shop.database(), ui.shop.clock()).receive(new SyncEvent(UUID.randomUUID(),
                UUID.randomUUID(), ShopInboxTypes.QUOTE_REQUESTED, 1, id, Instant.now(), payload));
        return id;
    }
}
