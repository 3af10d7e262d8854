package org.clutch.shop.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.purchasing.PurchaseOrder.Status;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.sync.SyncLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurchasingTest {

    @TempDir
    Path directory;

    private TestShop t;
    private Purchasing purchasing;
    private Supplier autoParts;
    private Supplier brakeWorld;
    private PartSummary pads;
    private PartSummary rotor;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
        purchasing = t.shop.purchasing();
        pads = t.part("BP-100", "Brake pad set front", null, 250000, 450000, 2);
        rotor = t.part("BD-200", "Brake disc front", null, 400000, 780000, 9);
        autoParts = purchasing.saveSupplier(new Supplier(null, "Nairobi Auto Parts", "Jane", "0700 000 001",
                "orders@nap.example", 3, true), t.manager);
        brakeWorld = purchasing.saveSupplier(new Supplier(null, "Brake World", null, null, null, 10, true), t.manager);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    @Test
    void anOrderGoesFromDraftToReceivedAndTheStockArrivesInTheDefaultBin() {
        purchasing.saveSupplierPart(new SupplierPart(autoParts.id(), null, pads.id(), null, null, "NAP-77", 240000, 2, 1, true),
                t.manager);
        PurchaseOrder order = purchasing.draft(autoParts.id(), List.of(new OrderLine(pads.id(), 10, null),
                new OrderLine(rotor.id(), 4, 390000L)), "weekly order", t.clerk);
        assertEquals(Status.DRAFT, order.status());
        assertEquals("PO000001", order.number());
        assertEquals("NAP-77", order.lines().get(0).supplierPartNumber());
        assertEquals(240000, order.lines().get(0).unitCostMinor(), "the supplier's cost when none is given");
        assertEquals(10 * 240000 + 4 * 390000, order.totalMinor());

        assertThrows(RuleException.class, () -> purchasing.approve(order.id(), t.clerk), "a clerk cannot approve");
        assertThrows(RuleException.class, () -> purchasing.receive(order.id(), Map.of(1, 10), t.clerk),
                "nothing is received before the order is sent");
        purchasing.approve(order.id(), t.manager);
        PurchaseOrder sent = purchasing.send(order.id(), t.clerk);
        assertEquals(Status.SENT, sent.status());
        assertEquals(LocalDate.of(2026, 11, 23), sent.expectedOn(), "today plus the longest lead time (2 and 3 days)");

        PurchaseOrder partly = purchasing.receive(order.id(), Map.of(1, 6), t.clerk);
        assertEquals(Status.PARTIALLY_RECEIVED, partly.status());
        assertEquals(8, t.shop.inventory().onHand(pads.id()));
        assertEquals(4, partly.lines().get(0).outstanding());
        assertThrows(RuleException.class, () -> purchasing.receive(order.id(), Map.of(1, 5), t.clerk),
                "more than is still expected");
        assertEquals(8, t.shop.inventory().onHand(pads.id()), "a refused delivery changes nothing");

        PurchaseOrder done = purchasing.receive(order.id(), Map.of(1, 4, 2, 4), t.clerk);
        assertEquals(Status.RECEIVED, done.status());
        assertEquals(12, t.shop.inventory().onHand(pads.id()));
        assertEquals(13, t.shop.inventory().onHand(rotor.id()));
        assertEquals(Map.of("A-01", 12), t.shop.inventory().onHandByBin(pads.id()));
        assertEquals(StockReason.RECEIPT, t.shop.inventory().ledger(pads.id(), 1).get(0).reason());
        assertEquals("PO000001", t.shop.inventory().ledger(pads.id(), 1).get(0).reference());
        Part rotorPart = t.shop.catalog().get(rotor.id()).orElseThrow();
        assertEquals(390000, rotorPart.costMinor(), "the part takes the cost it was last bought at");
        assertThrows(RuleException.class, () -> purchasing.cancel(order.id(), "too late", t.manager));
    }

    @Test
    void cancellingADraftIsFreeButASentOrderNeedsAManagerAndAReason() {
        PurchaseOrder draft = purchasing.draft(brakeWorld.id(), List.of(new OrderLine(pads.id(), 1, null)), null, t.clerk);
        assertEquals(250000, draft.lines().get(0).unitCostMinor(), "the part's cost when the supplier has none");
        assertEquals(Status.CANCELLED, purchasing.cancel(draft.id(), null, t.clerk).status());

        PurchaseOrder order = purchasing.draft(brakeWorld.id(), List.of(new OrderLine(pads.id(), 1, null)), null, t.clerk);
        purchasing.approve(order.id(), t.manager);
        purchasing.send(order.id(), t.manager);
        assertThrows(RuleException.class, () -> purchasing.cancel(order.id(), "changed our mind", t.clerk));
        assertThrows(RuleException.class, () -> purchasing.cancel(order.id(), " ", t.manager));
        PurchaseOrder cancelled = purchasing.cancel(order.id(), "supplier out of stock", t.manager);
        assertEquals(Status.CANCELLED, cancelled.status());
        assertEquals("supplier out of stock", cancelled.cancelReason());
        assertThrows(RuleException.class, () -> purchasing.replaceLines(order.id(),
                List.of(new OrderLine(pads.id(), 2, null)), t.manager), "only drafts change");
    }

    @Test
    void suggestedOrdersGoToThePreferredSupplierInWholePacks() {
        Part lowPads = t.shop.catalog().get(pads.id()).orElseThrow();
        t.shop.catalog().save(new Part(lowPads.id(), lowPads.partNumber(), lowPads.brand(), lowPads.name(),
                lowPads.category(), lowPads.barcode(), lowPads.costMinor(), lowPads.priceMinor(), true, "A-01", 0, 11, 3,
                lowPads.crossReferences(), lowPads.fitments()), t.manager);
        PartSummary filter = t.part("OF-1", "Oil filter", null, 30000, 60000, 0);
        Part lowFilter = t.shop.catalog().get(filter.id()).orElseThrow();
        t.shop.catalog().save(new Part(lowFilter.id(), "OF-1", "Bosch", "Oil filter", "Filters", null, 30000, 60000,
                true, "A-01", 0, 0, 5, List.of(), List.of()), t.manager);
        purchasing.saveSupplierPart(new SupplierPart(autoParts.id(), null, pads.id(), null, null, "NAP-77", 240000, null, 4, false),
                t.manager);
        purchasing.saveSupplierPart(new SupplierPart(brakeWorld.id(), null, pads.id(), null, null, "BW-1", 260000, null, 1, true),
                t.manager);

        List<SuggestedOrder> suggestions = purchasing.suggestedOrders();

        assertEquals(1, suggestions.size());
        assertEquals("Brake World", suggestions.get(0).supplier().name(), "the preferred source, though dearer");
        assertEquals(9, suggestions.get(0).lines().get(0).quantity(), "up to the maximum of 11 from 2 on hand");
        assertEquals(List.of("OF-1"), purchasing.unsourcedLowStock().stream().map(l -> l.partNumber()).toList());

        purchasing.saveSupplierPart(new SupplierPart(brakeWorld.id(), null, pads.id(), null, null, "BW-1", 260000, null, 1, false),
                t.manager);
        purchasing.saveSupplierPart(new SupplierPart(autoParts.id(), null, pads.id(), null, null, "NAP-77", 240000, null, 4, true),
                t.manager);
        List<PurchaseOrder> drafts = purchasing.draftSuggestedOrders(t.clerk);
        assertEquals(1, drafts.size());
        assertEquals("Nairobi Auto Parts", drafts.get(0).supplierName());
        assertEquals(12, drafts.get(0).lines().get(0).quantityOrdered(), "9 needed, in packs of 4");
        assertEquals(Status.DRAFT, drafts.get(0).status());
    }

    /** The pads: 2 on hand, reorder at 3, up to 11, from Nairobi Auto Parts one at a time. */
    private void padsReorderFromAutoParts() {
        Part lowPads = t.shop.catalog().get(pads.id()).orElseThrow();
        t.shop.catalog().save(new Part(lowPads.id(), lowPads.partNumber(), lowPads.brand(), lowPads.name(),
                lowPads.category(), lowPads.barcode(), lowPads.costMinor(), lowPads.priceMinor(), true, "A-01", 0, 11, 3,
                lowPads.crossReferences(), lowPads.fitments()), t.manager);
        purchasing.saveSupplierPart(new SupplierPart(autoParts.id(), null, pads.id(), null, null, "NAP-77", 240000, null, 1, true),
                t.manager);
    }

    @Test
    void pressingDraftSuggestedOrdersAgainUpdatesTheDraftInsteadOfAddingOne() {
        padsReorderFromAutoParts();
        PurchaseOrder first = purchasing.draftSuggestedOrders(t.clerk).get(0);
        assertEquals(9, first.lines().get(0).quantityOrdered());

        List<PurchaseOrder> again = purchasing.draftSuggestedOrders(t.clerk);

        assertEquals(List.of(first.number()), again.stream().map(PurchaseOrder::number).toList(), "the same draft");
        assertEquals(9, again.get(0).lines().get(0).quantityOrdered(), "not doubled");
        assertEquals(1, purchasing.orders(10).size());

        t.shop.inventory().adjust(pads.id(), "A-01", 1, "found one", t.manager);  // 3 on hand: still at the reorder point
        assertEquals(8, purchasing.draftSuggestedOrders(t.clerk).get(0).lines().get(0).quantityOrdered(), "brought up to date");
        t.shop.inventory().adjust(pads.id(), "A-01", 7, "found a box", t.manager);
        assertTrue(purchasing.draftSuggestedOrders(t.clerk).isEmpty());
        assertEquals(Status.CANCELLED, purchasing.get(first.id()).orElseThrow().status(), "no longer needed");
    }

    @Test
    void suggestionsCountWhatIsAlreadyOnOrderIncludingTheRestOfPartlyReceivedOrders() {
        padsReorderFromAutoParts();
        PurchaseOrder byHand = purchasing.draft(autoParts.id(), List.of(new OrderLine(pads.id(), 1, null)), "by hand", t.clerk);
        assertEquals(1, t.shop.inventory().lowStock().get(0).onOrder());
        assertEquals(8, t.shop.inventory().lowStock().get(0).suggestedOrderQuantity(), "11 - 2 on hand - 1 on order");
        assertEquals(8, purchasing.draftSuggestedOrders(t.clerk).get(0).lines().get(0).quantityOrdered());

        purchasing.cancel(byHand.id(), null, t.clerk);
        PurchaseOrder sent = purchasing.draft(autoParts.id(), List.of(new OrderLine(pads.id(), 6, null)), null, t.clerk);
        purchasing.approve(sent.id(), t.manager);
        purchasing.send(sent.id(), t.clerk);
        purchasing.receive(sent.id(), Map.of(1, 1), t.clerk);                      // 3 on hand, 5 still to come

        assertEquals(5 + 8, t.shop.inventory().lowStock().get(0).onOrder(), "the sent order's rest and the suggested draft");
        assertEquals(0, t.shop.inventory().lowStock().get(0).suggestedOrderQuantity());
        assertTrue(purchasing.draftSuggestedOrders(t.clerk).isEmpty(), "3 + 5 coming is above the reorder point");
        assertEquals(5, t.shop.inventory().lowStock().get(0).onOrder());
        assertEquals(Map.of(Status.CANCELLED, 2L, Status.PARTIALLY_RECEIVED, 1L), purchasing.orders(10).stream()
                .collect(Collectors.groupingBy(PurchaseOrder::status, Collectors.counting())),
                "the hand-made draft and the earlier suggestion are cancelled; the sent order is on its way");
    }

    @Test
    void supplierNamesAreUniqueAndDuplicatePartsOnAnOrderAreRefused() {
        assertThrows(RuleException.class, () -> purchasing.saveSupplier(
                new Supplier(null, "brake world", null, null, null, 1, true), t.manager));
        assertThrows(RuleException.class, () -> new Supplier(null, "X", null, null, "not-an-email", 1, true));
        assertThrows(RuleException.class, () -> purchasing.draft(autoParts.id(),
                List.of(new OrderLine(pads.id(), 1, null), new OrderLine(pads.id(), 2, null)), null, t.clerk));
        assertTrue(purchasing.orders(10).isEmpty(), "a refused draft leaves nothing behind");
        purchasing.saveSupplier(new Supplier(brakeWorld.id(), "Brake World Ltd", null, null, null, 10, false), t.manager);
        assertThrows(RuleException.class, () -> purchasing.draft(brakeWorld.id(),
                List.of(new OrderLine(pads.id(), 1, null)), null, t.clerk), "an inactive supplier");
    }

    @Test
    void whatASupplierOnTheMarketplaceSaysOfASentOrderShowsOnItAndInTheSyncLog() {
        purchasing.saveSupplierPart(new SupplierPart(autoParts.id(), null, pads.id(), null, null, "NAP-77", 240000, 2, 1, true),
                t.manager);
        PurchaseOrder order = purchasing.draft(autoParts.id(), List.of(new OrderLine(pads.id(), 10, null)), null, t.clerk);
        purchasing.approve(order.id(), t.manager);
        purchasing.send(order.id(), t.clerk);
        JsonObject sent = t.outbox("purchasing.order-status-changed").get(2);
        assertEquals("SENT", sent.getString("status"));
        assertEquals("NAP-77", sent.getJsonArray("lines").getJsonObject(0).getString("supplierPartNumber"),
                "the supplier reads its own number");

        try (SyncAgent agent = new SyncAgent(t.shop.database(), t.clock, s -> {
            throw new AssertionError("this test hands the agent its inbox's messages");
        }, 100)) {
            agent.take(answer(order.id(), """
                    {"status":"ACKNOWLEDGED","note":"all in stock","expectedShipDate":"2026-11-24","carrier":null}"""));
            assertEquals("acknowledged; ships 2026-11-24 (all in stock)", purchasing.get(order.id()).orElseThrow()
                    .supplierAnswer().describe());
            agent.take(answer(order.id(), """
                    {"status":"SHIPPED","carrier":"G4S Courier","trackingNumber":"G4S-778812"}"""));
            PurchaseOrder shipped = purchasing.get(order.id()).orElseThrow();
            assertEquals(SupplierAnswer.Status.SHIPPED, shipped.supplierAnswer().status());
            assertEquals(LocalDate.of(2026, 11, 24), shipped.supplierAnswer().shipsOn(), "what the acknowledgement said stays");
            assertEquals("shipped with G4S Courier, tracking G4S-778812 (all in stock)", shipped.supplierAnswer().describe());
            assertEquals(Status.SENT, shipped.status(), "received only when the goods are booked in");
            assertEquals(List.of("Purchase order PO000001: Nairobi Auto Parts acknowledged; ships 2026-11-24 (all in stock).",
                    "Purchase order PO000001: Nairobi Auto Parts shipped with G4S Courier, tracking G4S-778812 (all in stock)."),
                    agent.log().recent(10).stream().filter(e -> e.kind() == SyncLogEntry.Kind.PURCHASING)
                            .map(SyncLogEntry::detail).toList().reversed());

            agent.take(answer(order.id(), """
                    {"status":"ACKNOWLEDGED","note":"all in stock","expectedShipDate":"2026-11-24"}"""));
            assertEquals(SupplierAnswer.Status.SHIPPED, purchasing.get(order.id()).orElseThrow().supplierAnswer().status(),
                    "the acknowledgement seen again does not take the shipment back");
            agent.take(answer(UUID.randomUUID(), """
                    {"status":"SHIPPED"}"""));
            agent.take(answer(order.id(), """
                    {"status":"LOST"}"""));
            assertEquals("shipped with G4S Courier, tracking G4S-778812 (all in stock)",
                    purchasing.get(order.id()).orElseThrow().supplierAnswer().describe(), "neither changed anything");
            assertEquals(2, agent.log().recent(10).stream().filter(e -> e.kind() == SyncLogEntry.Kind.ERROR
                    && e.detail().startsWith("A message from the marketplace could not be read and was set aside")).count());
        }
    }

    /** A supplier's answer as it comes on the shop's inbox: {@code fields} and the order's id and number. */
    private SyncEvent answer(UUID orderId, String fields) {
        JsonObject body = Json.createReader(new StringReader(fields)).readObject();
        return new SyncEvent(UUID.randomUUID(), UUID.randomUUID(), ShopInboxTypes.SUPPLIER_UPDATE, 1, orderId, t.clock.instant(),
                Json.createObjectBuilder(body).add("purchaseOrderId", orderId.toString()).add("number", "PO000001")
                        .add("at", t.clock.instant().toString()).build().toString());
    }
}
