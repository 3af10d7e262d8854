package org.clutch.shop.purchasing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.common.InboxMessage;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.DocumentNumbers;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.inventory.StockLevel;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.purchasing.PurchaseOrder.Status;
import org.clutch.shop.staff.Staff;

/**
 * Suppliers, what they sell, and purchase orders from draft to received. Receiving is one transaction: the
 * received quantities, the RECEIPT stock movements, the part's new cost and the order's status move together.
 */
public final class Purchasing {

    private static final String SUGGESTED_NOTE = "Suggested from reorder points";

    private final ShopDatabase database;
    private final Inventory inventory;
    private final Clock clock;

    public Purchasing(ShopDatabase database, Inventory inventory, Clock clock) {
        this.database = database;
        this.inventory = inventory;
        this.clock = clock;
    }

    // ---- suppliers ----------------------------------------------------------------------------------------

    /** Creates or updates a supplier; two suppliers cannot share a name. */
    public Supplier saveSupplier(Supplier supplier, Staff by) {
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            Supplier saved = supplier.id() == null ? supplier.withId(UUID.randomUUID()) : supplier;
            if (SupplierStore.nameTaken(c, saved)) {
                throw new RuleException("There is already a supplier called " + saved.name() + ".");
            }
            SupplierStore.save(c, saved, now);
            Outbox.record(c, PurchasingEvents.SUPPLIER_SAVED, saved.id(), PurchasingEvents.supplierSaved(saved, by), now);
            return saved;
        });
    }

    public List<Supplier> suppliers() {
        return database.read(SupplierStore::all);
    }

    public Optional<Supplier> supplier(UUID id) {
        return suppliers().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Records (or updates) what a supplier charges for a part; a preferred source replaces the part's previous one. */
    public void saveSupplierPart(SupplierPart source, Staff by) {
        database.inTransaction(c -> {
            SupplierStore.savePart(c, source);
            Outbox.record(c, PurchasingEvents.SUPPLIER_PART_SAVED, source.partId(),
                    PurchasingEvents.supplierPartSaved(source, by), clock.instant());
            return null;
        });
    }

    /** What one supplier sells us, by part number. */
    public List<SupplierPart> partsOf(UUID supplierId) {
        return database.read(c -> SupplierStore.partsOf(c, supplierId));
    }

    /** Who sells a part: preferred first, then cheapest. */
    public List<SupplierPart> sourcesOf(UUID partId) {
        return database.read(c -> SupplierStore.sourcesOf(c, partId));
    }

    // ---- purchase orders ----------------------------------------------------------------------------------

    /** Starts a draft order; a line without a cost takes the supplier's cost for the part, else the part's cost. */
    public PurchaseOrder draft(UUID supplierId, List<OrderLine> lines, String note, Staff by) {
        return draft(supplierId, lines, note, false, by);
    }

    private PurchaseOrder draft(UUID supplierId, List<OrderLine> lines, String note, boolean suggested, Staff by) {
        PurchaseOrder.checkLines(lines);
        UUID id = UUID.randomUUID();
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            Boolean active = SupplierStore.active(c, supplierId);
            if (active == null) {
                throw new RuleException("Choose a supplier.");
            }
            if (!active) {
                throw new RuleException("That supplier is no longer active.");
            }
            String number = "PO" + String.format("%06d", DocumentNumbers.next(c, "purchase_order"));
            PurchaseOrderStore.insert(c, id, number, supplierId, note, suggested, by, now);
            PurchaseOrderStore.replaceLines(c, id, supplierId, lines);
            return statusChanged(c, id, by, now);
        });
    }

    /** Replaces the lines of a draft (once approved, an order's lines are what the manager agreed to). */
    public PurchaseOrder replaceLines(UUID orderId, List<OrderLine> lines, Staff by) {
        PurchaseOrder.checkLines(lines);
        return database.inTransaction(c -> {
            PurchaseOrder order = PurchaseOrderStore.lock(c, orderId);
            order.checkLinesChangeable();
            PurchaseOrderStore.replaceLines(c, orderId, order.supplierId(), lines);
            return PurchaseOrderStore.load(c, orderId).orElseThrow();
        });
    }

    /** A manager agrees to spend the money. */
    public PurchaseOrder approve(UUID orderId, Staff manager) {
        manager.requireManager("approve a purchase order");
        return move(orderId, Status.APPROVED, manager, (c, order, now) -> PurchaseOrderStore.setApproved(c, orderId, manager, now));
    }

    /** The order went to the supplier; it is expected after the longest lead time of its lines. */
    public PurchaseOrder send(UUID orderId, Staff by) {
        return move(orderId, Status.SENT, by, (c, order, now) -> PurchaseOrderStore.setSent(c, orderId, now,
                LocalDate.ofInstant(now, clock.getZone()).plusDays(PurchaseOrderStore.longestLeadTime(c, orderId))));
    }

    /**
     * Cancels an order on which nothing was received. A draft can be dropped by whoever made it; an approved or
     * sent order is a commitment, so cancelling it takes a manager and a reason.
     */
    public PurchaseOrder cancel(UUID orderId, String reason, Staff by) {
        return move(orderId, Status.CANCELLED, by, (c, order, now) -> {
            order.checkCancel(by, reason);
            PurchaseOrderStore.setCancelled(c, orderId, reason, now);
        });
    }

    /**
     * Books a delivery: {@code quantities} maps line numbers to units that arrived (lines not listed did not
     * come). The units go into each part's default bin as RECEIPT movements, the part takes the order's cost
     * (last cost), and the order becomes partially received or received.
     */
    public PurchaseOrder receive(UUID orderId, Map<Integer, Integer> quantities, Staff by) {
        Map<Integer, Integer> arrived = new LinkedHashMap<>();
        quantities.forEach((line, quantity) -> {
            if (quantity != null && quantity != 0) {
                arrived.put(line, quantity);
            }
        });
        if (arrived.isEmpty()) {
            throw new RuleException("Enter how many of at least one line arrived.");
        }
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            PurchaseOrder order = PurchaseOrderStore.lock(c, orderId);
            Map<PurchaseOrder.Line, Integer> delivery = order.checkDelivery(arrived);
            for (Map.Entry<PurchaseOrder.Line, Integer> entry : delivery.entrySet()) {
                PurchaseOrder.Line line = entry.getKey();
                PurchaseOrderStore.addReceived(c, orderId, line.lineNo(), entry.getValue());
                PurchaseOrderStore.setPartCost(c, line.partId(), line.unitCostMinor(), now);
                inventory.record(c, line.partId(), PurchaseOrderStore.defaultBin(c, line.partId()), entry.getValue(),
                        StockReason.RECEIPT, order.number(), order.supplierName(), by);
            }
            PurchaseOrder delivered = PurchaseOrderStore.load(c, orderId).orElseThrow();
            delivered.requireMove(delivered.statusAfterDelivery());
            PurchaseOrderStore.setStatus(c, orderId, delivered.statusAfterDelivery(), now);
            PurchaseOrder after = PurchaseOrderStore.load(c, orderId).orElseThrow();
            Outbox.record(c, PurchasingEvents.GOODS_RECEIVED, orderId, PurchasingEvents.goodsReceived(after, delivery, by, now), now);
            return after;
        });
    }

    public Optional<PurchaseOrder> get(UUID id) {
        return database.read(c -> PurchaseOrderStore.load(c, id));
    }

    public Optional<PurchaseOrder> findByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return database.read(c -> PurchaseOrderStore.orders(c, PurchaseOrderStore.ORDER + " WHERE o.number = ?",
                number.trim().toUpperCase(Locale.ROOT)).stream().findFirst());
    }

    /** Orders not yet closed first (oldest first), then closed ones newest first. */
    public List<PurchaseOrder> orders(int limit) {
        return database.read(c -> PurchaseOrderStore.orders(c, PurchaseOrderStore.ORDER + """
                 ORDER BY CASE WHEN o.status IN ('RECEIVED', 'CANCELLED') THEN 1 ELSE 0 END,
                          CASE WHEN o.status IN ('RECEIVED', 'CANCELLED') THEN NULL ELSE o.created_at END,
                          o.created_at DESC LIMIT ?""", limit));
    }

    /**
     * Low parts grouped by the supplier to order them from (the preferred source, else the cheapest), each
     * quantity taken from the part's reorder rule less what is already on order, rounded up to whole packs. Low
     * parts nobody sells us are left out; {@link #unsourcedLowStock()} lists them.
     */
    public List<SuggestedOrder> suggestedOrders() {
        return suggest(Map.of());
    }

    /** Suggestions as if the units in {@code notCounted} (part to units) were not on order. */
    private List<SuggestedOrder> suggest(Map<UUID, Integer> notCounted) {
        Map<UUID, List<SuggestedOrder.Line>> bySupplier = new LinkedHashMap<>();
        for (StockLevel level : inventory.lowStock()) {
            StockLevel position = level.lessOnOrder(notCounted.getOrDefault(level.partId(), 0));
            List<SupplierPart> sources = sourcesOf(level.partId());
            if (position.suggestedOrderQuantity() == 0 || sources.isEmpty()) {
                continue;
            }
            SupplierPart source = sources.get(0);
            bySupplier.computeIfAbsent(source.supplierId(), k -> new ArrayList<>()).add(new SuggestedOrder.Line(source,
                    position.onHand(), position.onOrder(), position.reorderPoint(),
                    source.roundUpToPacks(position.suggestedOrderQuantity())));
        }
        List<SuggestedOrder> suggestions = new ArrayList<>();
        bySupplier.forEach((supplierId, lines) -> suggestions.add(new SuggestedOrder(supplier(supplierId).orElseThrow(), lines)));
        suggestions.sort(Comparator.comparing(s -> s.supplier().name()));
        return suggestions;
    }

    /** Low parts that no active supplier is recorded for: someone has to find a source. */
    public List<StockLevel> unsourcedLowStock() {
        return inventory.lowStock().stream().filter(l -> sourcesOf(l.partId()).isEmpty()).toList();
    }

    /**
     * Turns the suggestions into draft orders for a person to review, approve and send. Drafts made by an earlier
     * press and still drafts are brought up to date (one per supplier) instead of being added to; one no longer
     * needed is cancelled. What is on other open orders is counted as on its way.
     */
    public List<PurchaseOrder> draftSuggestedOrders(Staff by) {
        Map<UUID, PurchaseOrder> earlier = new LinkedHashMap<>();
        database.read(c -> PurchaseOrderStore.orders(c,
                PurchaseOrderStore.ORDER + " WHERE o.status = ? AND o.suggested ORDER BY o.created_at", Status.DRAFT.name()))
                .forEach(order -> earlier.putIfAbsent(order.supplierId(), order));
        Map<UUID, Integer> inEarlier = new HashMap<>();
        earlier.values().forEach(order -> order.lines().forEach(l -> inEarlier.merge(l.partId(), l.quantityOrdered(), Integer::sum)));
        List<PurchaseOrder> drafts = new ArrayList<>();
        for (SuggestedOrder suggestion : suggest(inEarlier)) {
            List<OrderLine> lines = suggestion.lines().stream()
                    .map(l -> new OrderLine(l.source().partId(), l.quantity(), l.source().costMinor())).toList();
            PurchaseOrder update = earlier.remove(suggestion.supplier().id());
            drafts.add(update != null ? replaceLines(update.id(), lines, by)
                    : draft(suggestion.supplier().id(), lines, SUGGESTED_NOTE, true, by));
        }
        for (PurchaseOrder unneeded : earlier.values()) {
            cancel(unneeded.id(), "No longer needed: stock and other orders cover the reorder points.", by);
        }
        return drafts;
    }

    /**
     * A supplier on the marketplace acknowledged or shipped one of our orders ({@code purchasing.supplier-update} on
     * the shop's inbox): kept on the order, after what it said before. The order's own status does not move: what
     * arrives is booked by receiving, as for any supplier. An answer about an order this shop does not have is refused.
     */
    public PurchaseOrder receiveSupplierAnswer(SyncEvent event) {
        record Answered(UUID orderId, SupplierAnswer answer) {
        }
        Answered answered = InboxMessage.read(event, ShopInboxTypes.SUPPLIER_UPDATE, "a supplier's answer", o -> {
            String shipsOn = o.getString("expectedShipDate", null);
            return new Answered(UUID.fromString(o.getString("purchaseOrderId")), new SupplierAnswer(
                    SupplierAnswer.Status.valueOf(o.getString("status")), o.getString("note", null),
                    shipsOn == null ? null : LocalDate.parse(shipsOn), o.getString("carrier", null),
                    o.getString("trackingNumber", null), OffsetDateTime.parse(o.getString("at")).toInstant()));
        });
        return database.inTransaction(c -> {
            PurchaseOrder order = PurchaseOrderStore.lock(c, answered.orderId());
            SupplierAnswer answer = answered.answer();
            PurchaseOrderStore.keepSupplierAnswer(c, order.id(),
                    order.supplierAnswer() == null ? answer : order.supplierAnswer().then(answer));
            return PurchaseOrderStore.load(c, order.id()).orElseThrow();
        });
    }

    @FunctionalInterface
    private interface Transition {
        void apply(Connection c, PurchaseOrder order, Instant now) throws SQLException;
    }

    /** Moves an order to {@code next}: checked against its status, with what the move writes, and announced. */
    private PurchaseOrder move(UUID orderId, Status next, Staff by, Transition transition) {
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            PurchaseOrder order = PurchaseOrderStore.lock(c, orderId);
            order.requireMove(next);
            transition.apply(c, order, now);
            PurchaseOrderStore.setStatus(c, orderId, next, now);
            return statusChanged(c, orderId, by, now);
        });
    }

    private static PurchaseOrder statusChanged(Connection c, UUID orderId, Staff by, Instant now) throws SQLException {
        PurchaseOrder order = PurchaseOrderStore.load(c, orderId).orElseThrow();
        Outbox.record(c, PurchasingEvents.ORDER_STATUS_CHANGED, orderId, PurchasingEvents.orderStatusChanged(order, by), now);
        return order;
    }
}
