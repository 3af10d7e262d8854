package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.marketplace.MarketplaceRequests;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quotes screen lists the requests to quote the desktop received, the newest first, with the parts asked for. */
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
        new QuotesView(ui.shell, sync);
        ui.show();

        Table requests = ui.find("incoming-requests");
        assertEquals(2, requests.getItemCount());
        assertEquals("2016 Toyota Hilux", requests.getItem(0).getText(1), "the newest first");
        assertEquals("2", requests.getItem(0).getText(3));
        assertEquals("3.4 km", requests.getItem(0).getText(4));
        Table lines = ui.find("request-lines");
        assertEquals(2, lines.getItemCount());
        assertEquals("Clutch kit", lines.getItem(0).getText(1));
        assertEquals("heavy duty", lines.getItem(0).getText(4));

        requests.select(1);
        requests.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals("04465-02220", ((Table) ui.find("request-lines")).getItem(0).getText(2));
        assertTrue(ui.status().isEmpty() || !ui.status().startsWith("No requests"), ui.status());
    }

    private void receive(String model, Instant dispatched, String linesTemplate) {
        UUID id = UUID.randomUUID();
        String lines = linesTemplate.formatted(UUID.randomUUID(), UUID.randomUUID());
        String payload = """
                {"dispatchedAt":"%s","distanceKm":3.42,"request":{"id":"%s","expiresAt":"%s","lines":[%s],"quotes":[],
                "status":"OPEN","vehicle":{"make":"Toyota","model":"%s","year":2016}}}"""
                .formatted(dispatched.atOffset(ZoneOffset.UTC), id, dispatched.plusSeconds(7200).atOffset(ZoneOffset.UTC),
                        lines, model);
        new MarketplaceRequests(ui.shop.database(), ui.shop.clock()).receive(new SyncEvent(UUID.randomUUID(),
                UUID.randomUUID(), ShopInboxTypes.QUOTE_REQUESTED, 1, id, Instant.now(), payload));
    }
}
