package org.clutch.shop.purchasing;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

import jakarta.json.JsonArrayBuilder;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.common.ContactDetails;
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
    private static final String ORDER = """
            SELECT o.id, o.number, o.supplier_id, s.name, o.status, o.expected_on, o.note, cb.display_name, o.created_at,
                   ab.display_name, o.cancel_reason, o.supplier_status, o.supplier_note, o.supplier_ships_on,
                   o.supplier_carrier, o.supplier_tracking, o.supplier_answered_at
              FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id JOIN staff cb ON cb.id = o.created_by
              LEFT JOIN staff ab ON ab.id = o.approved_by
            """;
    private static final String SUPPLIER_PART = """
            SELECT sp.supplier_id, s.name, sp.part_id, p.part_number, p.name, sp.supplier_part_number, sp.cost_minor,
                   COALESCE(sp.lead_time_days, s.lead_time_days), sp.pack_quantity, sp.preferred
              FROM supplier_part sp JOIN supplier s ON s.id = sp.supplier_id JOIN part p ON p.id = sp.part_id
            """;

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
            String nameKey = saved.name().toUpperCase(Locale.ROOT);
            try (PreparedStatement taken = c.prepareStatement("SELECT id FROM supplier WHERE name_key = ? AND id <> ?")) {
                taken.setString(1, nameKey);
                taken.setObject(2, saved.id());
                if (taken.executeQuery().next()) {
                    throw new RuleException("There is already a supplier called " + saved.name() + ".");
                }
            }
            try (PreparedStatement merge = c.prepareStatement("""
                    MERGE INTO supplier (id, name, name_key, contact, phone, email, lead_time_days, active, created_at, updated_at)
                    KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT created_at FROM supplier WHERE id = ?), ?), ?)""")) {
                merge.setObject(1, saved.id());
                merge.setString(2, saved.name());
                merge.setString(3, nameKey);
                merge.setString(4, ContactDetails.optional(saved.contact()));
                merge.setString(5, ContactDetails.optional(saved.phone()));
                merge.setString(6, ContactDetails.optional(saved.email()));
                merge.setInt(7, saved.leadTimeDays());
                merge.setBoolean(8, saved.active());
                merge.setObject(9, saved.id());
                merge.setTimestamp(10, Timestamp.from(now));
                merge.setTimestamp(11, Timestamp.from(now));
                merge.executeUpdate();
            }
            Outbox.record(c, "purchasing.supplier-saved", saved.id(), JSON.createObjectBuilder()
                    .add("supplierId", saved.id().toString()).add("name", saved.name())
                    .add("leadTimeDays", saved.leadTimeDays()).add("active", saved.active())
                    .add("staff", by.username()).build(), now);
            return saved;
        });
    }

    public List<Supplier> suppliers() {
        return database.read(c -> {
            List<Supplier> suppliers = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT id, name, contact, phone, email, lead_time_days, active FROM supplier ORDER BY name_key")) {
                while (rows.next()) {
                    suppliers.add(supplier(rows));
                }
            }
            return suppliers;
        });
    }

    public Optional<Supplier> supplier(UUID id) {
        return suppliers().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Records (or updates) what a supplier charges for a part; a preferred source replaces the part's previous one. */
    public void saveSupplierPart(SupplierPart source, Staff by) {
        database.inTransaction(c -> {
            if (source.preferred()) {
                try (PreparedStatement clear = c.prepareStatement("UPDATE supplier_part SET preferred = FALSE WHERE part_id = ?")) {
                    clear.setObject(1, source.partId());
                    clear.executeUpdate();
                }
            }
            try (PreparedStatement merge = c.prepareStatement("""
                    MERGE INTO supplier_part (supplier_id, part_id, supplier_part_number, cost_minor, lead_time_days,
                                              pack_quantity, preferred)
                    KEY (supplier_id, part_id) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                merge.setObject(1, source.supplierId());
                merge.setObject(2, source.partId());
                merge.setString(3, source.supplierPartNumber());
                merge.setLong(4, source.costMinor());
                merge.setObject(5, source.leadTimeDays());
                merge.setInt(6, source.packQuantity());
                merge.setBoolean(7, source.preferred());
                merge.executeUpdate();
            }
            Outbox.record(c, "purchasing.supplier-part-saved", source.partId(), JSON.createObjectBuilder()
                    .add("supplierId", source.supplierId().toString()).add("partId", source.partId().toString())
                    .add("supplierPartNumber", source.supplierPartNumber()).add("costMinor", source.costMinor())
                    .add("packQuantity", source.packQuantity()).add("preferred", source.preferred())
                    .add("staff", by.username()).build(), clock.instant());
            return null;
        });
    }

    /** What one supplier sells us, by part number. */
    public List<SupplierPart> partsOf(UUID supplierId) {
        return database.read(c -> supplierParts(c, " WHERE sp.supplier_id = ? ORDER BY p.part_number", supplierId));
    }

    /** Who sells a part: preferred first, then cheapest. */
    public List<SupplierPart> sourcesOf(UUID partId) {
        return database.read(c -> supplierParts(c,
                " WHERE sp.part_id = ? AND s.active ORDER BY sp.preferred DESC, sp.cost_minor, s.name", partId));
    }

    // ---- purchase orders ----------------------------------------------------------------------------------

    /** Starts a draft order; a line without a cost takes the supplier's cost for the part, else the part's cost. */
    public PurchaseOrder draft(UUID supplierId, List<OrderLine> lines, String note, Staff by) {
        return draft(supplierId, lines, note, false, by);
    }

    private PurchaseOrder draft(UUID supplierId, List<OrderLine> lines, String note, boolean suggested, Staff by) {
        if (lines == null || lines.isEmpty()) {
            throw new RuleException("A purchase order needs at least one line.");
        }
        UUID id = UUID.randomUUID();
        database.inTransaction(c -> {
            Instant now = clock.instant();
            String number = "PO" + String.format("%06d", DocumentNumbers.next(c, "purchase_order"));
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO purchase_order (id, number, supplier_id, status, note, created_by, created_at, suggested)
                    VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, number);
                insert.setObject(3, requireActiveSupplier(c, supplierId));
                insert.setString(4, ContactDetails.optional(note));
                insert.setObject(5, by.id());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setBoolean(7, suggested);
                insert.executeUpdate();
            }
            insertLines(c, id, supplierId, lines);
            statusEvent(c, id, by, now);
            return null;
        });
        return get(id).orElseThrow();
    }

    /** Replaces the lines of a draft (once approved, an order's lines are what the manager agreed to). */
    public PurchaseOrder replaceLines(UUID orderId, List<OrderLine> lines, Staff by) {
        if (lines == null || lines.isEmpty()) {
            throw new RuleException("A purchase order needs at least one line.");
        }
        database.inTransaction(c -> {
            PurchaseOrder order = lock(c, orderId);
            if (order.status() != Status.DRAFT) {
                throw new RuleException("Purchase order " + order.number() + " is " + order.status().label().toLowerCase()
                        + "; only a draft can be changed.");
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM purchase_order_line WHERE purchase_order_id = ?")) {
                delete.setObject(1, orderId);
                delete.executeUpdate();
            }
            insertLines(c, orderId, order.supplierId(), lines);
            return null;
        });
        return get(orderId).orElseThrow();
    }

    /** A manager agrees to spend the money. */
    public PurchaseOrder approve(UUID orderId, Staff manager) {
        manager.requireManager("approve a purchase order");
        return move(orderId, Status.APPROVED, manager, (c, order, now) -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE purchase_order SET approved_by = ?, approved_at = ? WHERE id = ?")) {
                update.setObject(1, manager.id());
                update.setTimestamp(2, Timestamp.from(now));
                update.setObject(3, orderId);
                update.executeUpdate();
            }
        });
    }

    /** The order went to the supplier; it is expected after the longest lead time of its lines. */
    public PurchaseOrder send(UUID orderId, Staff by) {
        return move(orderId, Status.SENT, by, (c, order, now) -> {
            int leadTime = longestLeadTime(c, order);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE purchase_order SET sent_at = ?, expected_on = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setDate(2, Date.valueOf(LocalDate.ofInstant(now, clock.getZone()).plusDays(leadTime)));
                update.setObject(3, orderId);
                update.executeUpdate();
            }
        });
    }

    /**
     * Cancels an order on which nothing was received. A draft can be dropped by whoever made it; an approved or
     * sent order is a commitment, so cancelling it takes a manager and a reason.
     */
    public PurchaseOrder cancel(UUID orderId, String reason, Staff by) {
        return move(orderId, Status.CANCELLED, by, (c, order, now) -> {
            if (order.status() != Status.DRAFT) {
                by.requireManager("cancel an approved purchase order");
                if (reason == null || reason.isBlank()) {
                    throw new RuleException("Say why the order is cancelled.");
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE purchase_order SET closed_at = ?, cancel_reason = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, ContactDetails.optional(reason));
                update.setObject(3, orderId);
                update.executeUpdate();
            }
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
        database.inTransaction(c -> {
            Instant now = clock.instant();
            PurchaseOrder order = lock(c, orderId);
            order.requireMove(Status.RECEIVED);
            Map<Integer, PurchaseOrder.Line> byNo = new HashMap<>();
            order.lines().forEach(l -> byNo.put(l.lineNo(), l));
            JsonArrayBuilder received = JSON.createArrayBuilder();
            for (Map.Entry<Integer, Integer> entry : arrived.entrySet()) {
                PurchaseOrder.Line line = byNo.get(entry.getKey());
                if (line == null) {
                    throw new RuleException("Purchase order " + order.number() + " has no line " + entry.getKey() + ".");
                }
                int quantity = entry.getValue();
                if (quantity < 0 || quantity > line.outstanding()) {
                    throw new RuleException("Of " + line.partNumber() + " " + line.outstanding()
                            + " are still expected; " + quantity + " cannot be received.");
                }
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE purchase_order_line SET quantity_received = quantity_received + ?
                         WHERE purchase_order_id = ? AND line_no = ?""")) {
                    update.setInt(1, quantity);
                    update.setObject(2, orderId);
                    update.setInt(3, line.lineNo());
                    update.executeUpdate();
                }
                try (PreparedStatement cost = c.prepareStatement("UPDATE part SET cost_minor = ?, updated_at = ? WHERE id = ?")) {
                    cost.setLong(1, line.unitCostMinor());
                    cost.setTimestamp(2, Timestamp.from(now));
                    cost.setObject(3, line.partId());
                    cost.executeUpdate();
                }
                inventory.record(c, line.partId(), defaultBin(c, line.partId()), quantity, StockReason.RECEIPT,
                        order.number(), order.supplierName(), by);
                received.add(JSON.createObjectBuilder().add("lineNo", line.lineNo()).add("partId", line.partId().toString())
                        .add("quantity", quantity).add("unitCostMinor", line.unitCostMinor()));
            }
            PurchaseOrder after = load(c, orderId).orElseThrow();
            Status next = after.outstandingUnits() == 0 ? Status.RECEIVED : Status.PARTIALLY_RECEIVED;
            setStatus(c, after, next, now);
            Outbox.record(c, "purchasing.goods-received", orderId, JSON.createObjectBuilder()
                    .add("purchaseOrderId", orderId.toString()).add("number", order.number())
                    .add("status", next.name()).add("lines", received).add("staff", by.username())
                    .add("receivedAt", now.toString()).build(), now);
            return null;
        });
        return get(orderId).orElseThrow();
    }

    public Optional<PurchaseOrder> get(UUID id) {
        return database.read(c -> load(c, id));
    }

    public Optional<PurchaseOrder> findByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return database.read(c -> orders(c, ORDER + " WHERE o.number = ?", number.trim().toUpperCase(Locale.ROOT))
                .stream().findFirst());
    }

    /** Orders not yet closed first (oldest first), then closed ones newest first. */
    public List<PurchaseOrder> orders(int limit) {
        return database.read(c -> orders(c, ORDER + """
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
        database.read(c -> orders(c, ORDER + " WHERE o.status = ? AND o.suggested ORDER BY o.created_at",
                Status.DRAFT.name()))
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
        UUID orderId = answered.orderId();
        SupplierAnswer answer = answered.answer();
        database.inTransaction(c -> {
            PurchaseOrder order = lock(c, orderId);
            SupplierAnswer kept = order.supplierAnswer() == null ? answer : order.supplierAnswer().then(answer);
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE purchase_order SET supplier_status = ?, supplier_note = ?, supplier_ships_on = ?, supplier_carrier = ?,
                           supplier_tracking = ?, supplier_answered_at = ? WHERE id = ?""")) {
                update.setString(1, kept.status().name());
                update.setString(2, kept.note());
                update.setDate(3, kept.shipsOn() == null ? null : Date.valueOf(kept.shipsOn()));
                update.setString(4, kept.carrier());
                update.setString(5, kept.trackingNumber());
                update.setTimestamp(6, Timestamp.from(kept.at()));
                update.setObject(7, orderId);
                update.executeUpdate();
            }
            return null;
        });
        return get(orderId).orElseThrow();
    }

    // ---- internals ----------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Transition {
        void apply(Connection c, PurchaseOrder order, Instant now) throws SQLException;
    }

    private PurchaseOrder move(UUID orderId, Status next, Staff by, Transition transition) {
        database.inTransaction(c -> {
            Instant now = clock.instant();
            PurchaseOrder order = lock(c, orderId);
            order.requireMove(next);
            transition.apply(c, order, now);
            setStatus(c, order, next, now);
            statusEvent(c, orderId, by, now);
            return null;
        });
        return get(orderId).orElseThrow();
    }

    private static void setStatus(Connection c, PurchaseOrder order, Status next, Instant now) throws SQLException {
        order.requireMove(next);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE purchase_order SET status = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?")) {
            update.setString(1, next.name());
            update.setBoolean(2, next == Status.RECEIVED);
            update.setTimestamp(3, Timestamp.from(now));
            update.setObject(4, order.id());
            update.executeUpdate();
        }
    }

    private static void statusEvent(Connection c, UUID orderId, Staff by, Instant now) throws SQLException {
        PurchaseOrder order = load(c, orderId).orElseThrow();
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (PurchaseOrder.Line line : order.lines()) {
            var item = JSON.createObjectBuilder().add("lineNo", line.lineNo()).add("partId", line.partId().toString())
                    .add("partNumber", line.partNumber()).add("quantity", line.quantityOrdered())
                    .add("unitCostMinor", line.unitCostMinor());
            if (line.supplierPartNumber() != null) {
                item.add("supplierPartNumber", line.supplierPartNumber()); // what a supplier on the marketplace calls it
            }
            lines.add(item);
        }
        Outbox.record(c, "purchasing.order-status-changed", orderId, JSON.createObjectBuilder()
                .add("purchaseOrderId", orderId.toString()).add("number", order.number())
                .add("supplierId", order.supplierId().toString()).add("status", order.status().name())
                .add("lines", lines).add("staff", by.username()).build(), now);
    }

    private static PurchaseOrder lock(Connection c, UUID orderId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM purchase_order WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, orderId);
            lock.executeQuery().close();
        }
        return load(c, orderId).orElseThrow(() -> new RuleException("That purchase order does not exist."));
    }

    private static UUID requireActiveSupplier(Connection c, UUID supplierId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT active FROM supplier WHERE id = ?")) {
            select.setObject(1, supplierId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new RuleException("Choose a supplier.");
                }
                if (!rows.getBoolean(1)) {
                    throw new RuleException("That supplier is no longer active.");
                }
            }
        }
        return supplierId;
    }

    private static void insertLines(Connection c, UUID orderId, UUID supplierId, List<OrderLine> lines) throws SQLException {
        Map<UUID, Boolean> seen = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO purchase_order_line (purchase_order_id, line_no, part_id, supplier_part_number, quantity_ordered,
                                                 unit_cost_minor)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            int lineNo = 0;
            for (OrderLine line : lines) {
                if (seen.put(line.partId(), true) != null) {
                    throw new RuleException("A part is on the order twice; change its quantity instead.");
                }
                String supplierNumber = null;
                Long cost = line.unitCostMinor();
                try (PreparedStatement source = c.prepareStatement("""
                        SELECT sp.supplier_part_number, sp.cost_minor, p.cost_minor
                          FROM part p LEFT JOIN supplier_part sp ON sp.part_id = p.id AND sp.supplier_id = ?
                         WHERE p.id = ?""")) {
                    source.setObject(1, supplierId);
                    source.setObject(2, line.partId());
                    try (ResultSet rows = source.executeQuery()) {
                        if (!rows.next()) {
                            throw new RuleException("A part on the order is not in the catalog.");
                        }
                        supplierNumber = rows.getString(1);
                        if (cost == null) {
                            cost = rows.getObject(2) != null ? rows.getLong(2) : rows.getLong(3);
                        }
                    }
                }
                insert.setObject(1, orderId);
                insert.setInt(2, ++lineNo);
                insert.setObject(3, line.partId());
                insert.setString(4, supplierNumber);
                insert.setInt(5, line.quantity());
                insert.setLong(6, cost);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int longestLeadTime(Connection c, PurchaseOrder order) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT COALESCE(MAX(COALESCE(sp.lead_time_days, s.lead_time_days)), MAX(s.lead_time_days))
                  FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id
                  JOIN purchase_order_line l ON l.purchase_order_id = o.id
                  LEFT JOIN supplier_part sp ON sp.supplier_id = o.supplier_id AND sp.part_id = l.part_id
                 WHERE o.id = ?""")) {
            select.setObject(1, order.id());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static String defaultBin(Connection c, UUID partId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT default_bin FROM part WHERE id = ?")) {
            select.setObject(1, partId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static Optional<PurchaseOrder> load(Connection c, UUID id) throws SQLException {
        return orders(c, ORDER + " WHERE o.id = ?", id).stream().findFirst();
    }

    private static List<PurchaseOrder> orders(Connection c, String sql, Object parameter) throws SQLException {
        List<PurchaseOrder> headers = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Date expected = rows.getDate(6);
                    headers.add(new PurchaseOrder(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getString(4), Status.valueOf(rows.getString(5)),
                            expected == null ? null : expected.toLocalDate(), rows.getString(7), rows.getString(8),
                            rows.getTimestamp(9).toInstant(), rows.getString(10), rows.getString(11), supplierAnswer(rows),
                            List.of()));
                }
            }
        }
        List<PurchaseOrder> orders = new ArrayList<>();
        for (PurchaseOrder header : headers) {
            List<PurchaseOrder.Line> lines = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT l.line_no, l.part_id, p.part_number, p.name, l.supplier_part_number, l.quantity_ordered,
                           l.quantity_received, l.unit_cost_minor
                      FROM purchase_order_line l JOIN part p ON p.id = l.part_id
                     WHERE l.purchase_order_id = ? ORDER BY l.line_no""")) {
                select.setObject(1, header.id());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new PurchaseOrder.Line(rows.getInt(1), rows.getObject(2, UUID.class), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getLong(8)));
                    }
                }
            }
            orders.add(new PurchaseOrder(header.id(), header.number(), header.supplierId(), header.supplierName(),
                    header.status(), header.expectedOn(), header.note(), header.createdBy(), header.createdAt(),
                    header.approvedBy(), header.cancelReason(), header.supplierAnswer(), lines));
        }
        return orders;
    }

    private static SupplierAnswer supplierAnswer(ResultSet rows) throws SQLException {
        if (rows.getString(12) == null) {
            return null;
        }
        Date shipsOn = rows.getDate(14);
        return new SupplierAnswer(SupplierAnswer.Status.valueOf(rows.getString(12)), rows.getString(13),
                shipsOn == null ? null : shipsOn.toLocalDate(), rows.getString(15), rows.getString(16),
                rows.getTimestamp(17).toInstant());
    }

    private static List<SupplierPart> supplierParts(Connection c, String where, UUID parameter) throws SQLException {
        List<SupplierPart> parts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SUPPLIER_PART + where)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.add(new SupplierPart(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7), rows.getInt(8),
                            rows.getInt(9), rows.getBoolean(10)));
                }
            }
        }
        return parts;
    }

    private static Supplier supplier(ResultSet rows) throws SQLException {
        return new Supplier(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getInt(6), rows.getBoolean(7));
    }
}
