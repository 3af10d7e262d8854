package org.clutch.shop.sales;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.customers.Customers;
import org.clutch.shop.db.DocumentNumbers;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;

/**
 * Closing sales, voiding them, taking goods back, and holding sales aside. Each of these is one local
 * transaction: the sale, its stock movements and its outbox events are written together or not at all.
 */
public final class Sales {

    private final ShopDatabase database;
    private final TillSettings tillSettings;
    private final Inventory inventory;
    private final ShopProfile profile;
    private final Clock clock;

    public Sales(ShopDatabase database, TillSettings tillSettings, Inventory inventory, ShopProfile profile, Clock clock) {
        this.database = database;
        this.tillSettings = tillSettings;
        this.inventory = inventory;
        this.profile = profile;
        this.clock = clock;
    }

    /** Takes payment for the cart and closes the sale: the stock leaves the shelf and the sale gets its number. */
    public SaleRecord complete(Cart cart, List<Tender> tenders, Staff by) {
        if (cart.isEmpty()) {
            throw new RuleException("The sale has no items.");
        }
        cart.checkDiscounts();
        Optional<String> approval = cart.approvalNeeded(by, tillSettings.limits());
        if (approval.isPresent()) {
            throw new RuleException(approval.get() + " A shop manager must approve it.");
        }
        Totals totals = cart.totals();
        Settlement settlement = Settlement.of(totals.totalMinor(), tenders);
        if (!settlement.isSettled()) {
            throw new RuleException("The payment is " + profile.currency().format(settlement.dueMinor()) + " short.");
        }
        UUID saleId = UUID.randomUUID();
        database.inTransaction(c -> {
            Instant now = clock.instant();
            String number = "S" + String.format("%06d", DocumentNumbers.next(c, "sale"));
            insertSale(c, saleId, number, "COMPLETED", "SALE", null, cart, by, null, totals, settlement, now);
            insertLines(c, saleId, cart, totals);
            insertTenders(c, saleId, tenders);
            long onAccount = Tender.sum(tenders, Tender.Kind.ACCOUNT);
            if (onAccount > 0) {
                Customers.charge(c, cart.customerId(), onAccount, number, by, now, profile);
            }
            for (CartLine line : cart.lines()) {
                inventory.record(c, line.partId(), line.bin(), -line.quantity(), StockReason.SALE, number, null, by);
            }
            Outbox.record(c, "sales.sale-completed", saleId, saleEvent(c, saleId).build(), now);
            return null;
        });
        return get(saleId).orElseThrow();
    }

    /** The sale, when it can still be voided; otherwise says why not (the way back is then a return). */
    public SaleRecord checkVoidable(String number) {
        SaleRecord sale = findByNumber(number).orElseThrow(() -> new RuleException("There is no sale " + number + "."));
        if (sale.kind() != SaleRecord.Kind.SALE || sale.status() != SaleRecord.Status.COMPLETED) {
            throw new RuleException("Sale " + number + " is " + sale.status().name().toLowerCase() + " and cannot be voided.");
        }
        if (sale.lines().stream().anyMatch(l -> l.returnedQuantity() > 0)) {
            throw new RuleException("Goods were already returned against sale " + number + "; return the rest instead.");
        }
        if (!LocalDate.ofInstant(sale.completedAt(), clock.getZone()).equals(LocalDate.now(clock))) {
            throw new RuleException("Only today's sales can be voided; take the goods back as a return.");
        }
        return sale;
    }

    /**
     * Cancels a sale made today, on a manager's authority and with a reason: the goods go back to their bins.
     * Later, or once goods were returned against it, the way back is a return.
     */
    public SaleRecord voidSale(String number, String reason, Staff manager) {
        manager.requireManager("void a sale");
        if (reason == null || reason.isBlank()) {
            throw new RuleException("Say why the sale is voided.");
        }
        SaleRecord sale = checkVoidable(number);
        database.inTransaction(c -> {
            Instant now = clock.instant();
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE sale SET status = 'VOIDED', void_reason = ?, voided_by = ?, voided_at = ?
                     WHERE id = ? AND status = 'COMPLETED'""")) {
                update.setString(1, reason.trim());
                update.setObject(2, manager.id());
                update.setTimestamp(3, Timestamp.from(now));
                update.setObject(4, sale.id());
                if (update.executeUpdate() != 1) {
                    throw new RuleException("Sale " + number + " was changed meanwhile; look it up again.");
                }
            }
            for (SaleRecord.Line line : sale.lines()) {
                inventory.record(c, line.partId(), line.bin(), line.quantity(), StockReason.VOID, number, reason.trim(), manager);
            }
            long onAccount = Tender.sum(sale.tenders(), Tender.Kind.ACCOUNT);
            if (onAccount > 0) {
                Customers.refund(c, sale.customerId(), onAccount, "void of " + number, manager, now);
            }
            Outbox.record(c, "sales.sale-voided", sale.id(), JSON.createObjectBuilder()
                    .add("saleId", sale.id().toString()).add("number", number).add("reason", reason.trim())
                    .add("staff", manager.username()).build(), now);
            return null;
        });
        return get(sale.id()).orElseThrow();
    }

    /**
     * Works out a return without making it: what comes back, how the refund is paid out and whether a manager must
     * approve it. The till shows this before asking for a manager.
     */
    public RefundPlan planReturn(String originalNumber, List<ReturnItem> items, RefundMethod method, Staff by) {
        UUID originalId = findByNumber(originalNumber).map(SaleRecord::id)
                .orElseThrow(() -> new RuleException("There is no sale " + originalNumber + "."));
        return database.read(c -> plan(c, load(c, originalId).orElseThrow(), items, method, by));
    }

    /**
     * Takes goods back against the original sale. Each line's refund is its share of what was paid for it, so
     * discounts and tax come back in proportion; restocked units go back to the bin they were sold from. The refund
     * goes back as {@code method} says; a refund over the clerk's limit, or in cash beyond the cash the sale took,
     * needs a manager ({@code by} or {@code approvedBy}), who is then named on the return.
     */
    public SaleRecord returnItems(String originalNumber, List<ReturnItem> items, RefundMethod method, Staff by,
            Staff approvedBy) {
        UUID originalId = findByNumber(originalNumber).map(SaleRecord::id)
                .orElseThrow(() -> new RuleException("There is no sale " + originalNumber + "."));
        UUID returnId = UUID.randomUUID();
        database.inTransaction(c -> {
            Instant now = clock.instant();
            // Read, check and price under the sale's lock, so two tills cannot return the same unit twice and
            // each refund is the share of what is still unreturned at that moment.
            lockSale(c, originalId);
            SaleRecord original = load(c, originalId).orElseThrow();
            RefundPlan plan = plan(c, original, items, method, by);
            if (plan.approvalReason().isPresent() && (approvedBy == null || !approvedBy.isManager())) {
                throw new RuleException(plan.approvalReason().get() + " A shop manager must approve it.");
            }
            Staff approver = plan.approvalReason().isPresent() ? approvedBy : null;
            Map<Integer, SaleRecord.Line> linesByNo = new HashMap<>();
            original.lines().forEach(l -> linesByNo.put(l.lineNo(), l));
            String number = "R" + String.format("%06d", DocumentNumbers.next(c, "sale"));
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sale (id, number, status, kind, original_sale, customer_id, staff_id, subtotal_minor,
                                      discount_minor, tax_minor, total_minor, paid_minor, change_minor, created_at,
                                      completed_at, approved_by)
                    VALUES (?, ?, 'COMPLETED', 'RETURN', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")) {
                insert.setObject(1, returnId);
                insert.setString(2, number);
                insert.setObject(3, originalId);
                insert.setObject(4, original.customerId());
                insert.setObject(5, by.id());
                insert.setLong(6, plan.grossMinor());
                insert.setLong(7, plan.discountMinor());
                insert.setLong(8, plan.taxMinor());
                insert.setLong(9, plan.refundMinor());
                insert.setLong(10, plan.refundMinor());
                insert.setTimestamp(11, Timestamp.from(now));
                insert.setTimestamp(12, Timestamp.from(now));
                insert.setObject(13, approver == null ? null : approver.id());
                insert.executeUpdate();
            }
            int lineNo = 0;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sale_line (sale_id, line_no, part_id, part_number, description, bin, quantity, unit_price_minor,
                                           unit_cost_minor, discount_minor, tax_minor, total_minor, original_line_no, restock)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ReturnItem item : items) {
                    SaleRecord.Line line = linesByNo.get(item.lineNo());
                    insert.setObject(1, returnId);
                    insert.setInt(2, ++lineNo);
                    insert.setObject(3, line.partId());
                    insert.setString(4, line.partNumber());
                    insert.setString(5, line.description());
                    insert.setString(6, line.bin());
                    insert.setInt(7, item.quantity());
                    insert.setLong(8, line.unitPriceMinor());
                    insert.setLong(9, line.unitCostMinor());
                    insert.setLong(10, line.discountFor(item.quantity()));
                    insert.setLong(11, line.taxFor(item.quantity()));
                    insert.setLong(12, line.refundFor(item.quantity()));
                    insert.setInt(13, item.lineNo());
                    insert.setBoolean(14, item.restock());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            insertTenders(c, returnId, plan.tenders());
            long toAccount = Tender.sum(plan.tenders(), Tender.Kind.ACCOUNT);
            if (toAccount > 0) {
                Customers.refund(c, original.customerId(), toAccount, number, by, now);
            }
            for (ReturnItem item : items) {
                SaleRecord.Line line = linesByNo.get(item.lineNo());
                if (item.restock()) {
                    inventory.record(c, line.partId(), line.bin(), item.quantity(), StockReason.RETURN, number,
                            "returned from " + originalNumber, by);
                }
            }
            Outbox.record(c, "sales.return-completed", returnId, saleEvent(c, returnId)
                    .add("originalSaleId", originalId.toString()).build(), now);
            return null;
        });
        return get(returnId).orElseThrow();
    }

    private RefundPlan plan(Connection c, SaleRecord original, List<ReturnItem> items, RefundMethod method, Staff by)
            throws SQLException {
        if (items == null || items.isEmpty()) {
            throw new RuleException("Choose what comes back.");
        }
        if (original.kind() != SaleRecord.Kind.SALE || original.status() != SaleRecord.Status.COMPLETED) {
            throw new RuleException("Nothing can be returned against " + original.number() + ": it is "
                    + (original.kind() == SaleRecord.Kind.RETURN ? "a return" : original.status().name().toLowerCase()) + ".");
        }
        Map<Integer, SaleRecord.Line> linesByNo = new HashMap<>();
        original.lines().forEach(l -> linesByNo.put(l.lineNo(), l));
        long gross = 0;
        long discount = 0;
        long refund = 0;
        long refundTax = 0;
        Map<Integer, Integer> seen = new HashMap<>();
        for (ReturnItem item : items) {
            SaleRecord.Line line = linesByNo.get(item.lineNo());
            if (line == null) {
                throw new RuleException("Sale " + original.number() + " has no line " + item.lineNo() + ".");
            }
            if (seen.merge(item.lineNo(), 1, Integer::sum) > 1) {
                throw new RuleException("Line " + item.lineNo() + " is listed twice.");
            }
            if (item.quantity() <= 0 || item.quantity() > line.returnableQuantity()) {
                throw new RuleException("Of " + line.partNumber() + " only " + line.returnableQuantity()
                        + " can still be returned.");
            }
            gross += line.unitPriceMinor() * item.quantity();
            discount += line.discountFor(item.quantity());
            refund += line.refundFor(item.quantity());
            refundTax += line.taxFor(item.quantity());
        }
        Map<Tender.Kind, Long> stillRefundable = RefundPlan.stillRefundable(original, refundedSoFar(c, original.id()));
        return RefundPlan.of(gross, discount, refundTax, refund, method == null ? RefundMethod.AS_PAID : method,
                stillRefundable, "refund of " + original.number(), by, TillSettings.limits(c), profile.currency());
    }

    private static List<Tender> refundedSoFar(Connection c, UUID saleId) throws SQLException {
        List<Tender> refunded = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT t.kind, t.amount_minor, t.reference FROM sale_tender t JOIN sale r ON r.id = t.sale_id
                 WHERE r.original_sale = ? AND r.kind = 'RETURN' AND r.status = 'COMPLETED'""")) {
            select.setObject(1, saleId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    refunded.add(new Tender(Tender.Kind.valueOf(rows.getString(1)), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return refunded;
    }

    /** Puts the cart aside under a label; it can be recalled at any till of this shop. */
    public UUID hold(Cart cart, String label, Staff by) {
        if (cart.isEmpty()) {
            throw new RuleException("There is nothing to hold.");
        }
        UUID id = UUID.randomUUID();
        Totals totals = cart.totals();
        database.inTransaction(c -> {
            insertSale(c, id, null, "HELD", "SALE", null, cart, by,
                    label == null || label.isBlank() ? "Held sale" : label.trim(), totals,
                    new Settlement(totals.totalMinor(), 0, totals.totalMinor(), 0), clock.instant());
            insertLines(c, id, cart, totals);
            return null;
        });
        return id;
    }

    public List<HeldSale> held() {
        return database.read(c -> {
            List<HeldSale> held = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("""
                    SELECT s.id, s.hold_label, st.display_name, s.created_at,
                           (SELECT COUNT(*) FROM sale_line l WHERE l.sale_id = s.id), s.total_minor
                      FROM sale s JOIN staff st ON st.id = s.staff_id
                     WHERE s.status = 'HELD' ORDER BY s.created_at""")) {
                while (rows.next()) {
                    held.add(new HeldSale(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getInt(5), rows.getLong(6)));
                }
            }
            return held;
        });
    }

    /** Brings a held sale back as a cart and removes it from the held list (one till gets it, not two). */
    public Cart recall(UUID heldId) {
        return database.inTransaction(c -> {
            Cart cart = new Cart(profile.tax());
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT discount_kind, discount_value, customer_id FROM sale WHERE id = ? AND status = 'HELD' FOR UPDATE")) {
                select.setObject(1, heldId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new RuleException("That held sale was already recalled.");
                    }
                    cart.setSaleDiscount(discount(rows.getString(1), rows.getLong(2)));
                    UUID customerId = rows.getObject(3, UUID.class);
                    if (customerId != null) {
                        cart.setCustomer(customerId, customerName(c, customerId));
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT l.part_id, l.part_number, l.description, l.bin, l.unit_price_minor, l.unit_cost_minor, p.taxable,
                           l.quantity, l.discount_kind, l.discount_value
                      FROM sale_line l JOIN part p ON p.id = l.part_id WHERE l.sale_id = ? ORDER BY l.line_no""")) {
                select.setObject(1, heldId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        CartLine line = new CartLine(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getLong(5), rows.getLong(6), rows.getBoolean(7), rows.getInt(8));
                        line.setDiscount(discount(rows.getString(9), rows.getLong(10)));
                        cart.restore(line);
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sale WHERE id = ?")) {
                delete.setObject(1, heldId);
                delete.executeUpdate();
            }
            return cart;
        });
    }

    public Optional<SaleRecord> findByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM sale WHERE number = ?")) {
                select.setString(1, number.trim().toUpperCase());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? load(c, rows.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    public Optional<SaleRecord> get(UUID id) {
        return database.read(c -> load(c, id));
    }

    /** Completed sales and returns, newest first. */
    public List<SaleRecord> recent(int limit) {
        return database.read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM sale WHERE status <> 'HELD' ORDER BY completed_at DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            List<SaleRecord> sales = new ArrayList<>();
            for (UUID id : ids) {
                load(c, id).ifPresent(sales::add);
            }
            return sales;
        });
    }

    private static String customerName(Connection c, UUID customerId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM customer WHERE id = ?")) {
            select.setObject(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void lockSale(Connection c, UUID id) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM sale WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, id);
            lock.executeQuery().close();
        }
    }

    private static void insertSale(Connection c, UUID id, String number, String status, String kind, UUID original,
            Cart cart, Staff by, String holdLabel, Totals totals, Settlement settlement, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sale (id, number, status, kind, original_sale, customer_id, staff_id, hold_label, discount_kind,
                                  discount_value, subtotal_minor, discount_minor, tax_minor, total_minor, paid_minor,
                                  change_minor, created_at, completed_at, approved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, number);
            insert.setString(3, status);
            insert.setString(4, kind);
            insert.setObject(5, original);
            insert.setObject(6, cart.customerId());
            insert.setObject(7, by.id());
            insert.setString(8, holdLabel);
            insert.setString(9, cart.saleDiscount().isNone() ? null : cart.saleDiscount().kind().name());
            insert.setLong(10, cart.saleDiscount().value());
            insert.setLong(11, totals.subtotalMinor());
            insert.setLong(12, totals.discountMinor());
            insert.setLong(13, totals.taxMinor());
            insert.setLong(14, totals.totalMinor());
            insert.setLong(15, settlement.paidMinor());
            insert.setLong(16, settlement.changeMinor());
            insert.setTimestamp(17, Timestamp.from(now));
            insert.setTimestamp(18, "HELD".equals(status) ? null : Timestamp.from(now));
            insert.setObject(19, cart.approvedBy() == null ? null : cart.approvedBy().id());
            insert.executeUpdate();
        }
    }

    private static void insertLines(Connection c, UUID saleId, Cart cart, Totals totals)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sale_line (sale_id, line_no, part_id, part_number, description, bin, quantity, unit_price_minor,
                                       unit_cost_minor, discount_kind, discount_value, discount_minor, tax_minor, total_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < cart.lines().size(); i++) {
                CartLine line = cart.lines().get(i);
                Totals.LineTotals money = totals.lines().get(i);
                insert.setObject(1, saleId);
                insert.setInt(2, i + 1);
                insert.setObject(3, line.partId());
                insert.setString(4, line.partNumber());
                insert.setString(5, line.description());
                insert.setString(6, line.bin());
                insert.setInt(7, line.quantity());
                insert.setLong(8, line.unitPriceMinor());
                insert.setLong(9, line.unitCostMinor());
                insert.setString(10, line.discount().isNone() ? null : line.discount().kind().name());
                insert.setLong(11, line.discount().value());
                insert.setLong(12, money.discountMinor());
                insert.setLong(13, money.taxMinor());
                insert.setLong(14, money.totalMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertTenders(Connection c, UUID saleId, List<Tender> tenders) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sale_tender (sale_id, tender_no, kind, amount_minor, reference) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < tenders.size(); i++) {
                insert.setObject(1, saleId);
                insert.setInt(2, i + 1);
                insert.setString(3, tenders.get(i).kind().name());
                insert.setLong(4, tenders.get(i).amountMinor());
                insert.setString(5, tenders.get(i).reference());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Map<Integer, Integer> returnedQuantities(Connection c, UUID saleId) throws SQLException {
        Map<Integer, Integer> returned = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.original_line_no, SUM(l.quantity) FROM sale_line l JOIN sale r ON r.id = l.sale_id
                 WHERE r.original_sale = ? AND r.kind = 'RETURN' AND r.status = 'COMPLETED' GROUP BY l.original_line_no""")) {
            select.setObject(1, saleId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    returned.put(rows.getInt(1), rows.getInt(2));
                }
            }
        }
        return returned;
    }

    private static Optional<SaleRecord> load(Connection c, UUID id) throws SQLException {
        SaleRecord header;
        try (PreparedStatement select = c.prepareStatement("""
                SELECT s.number, s.kind, s.status, o.number, st.display_name, s.completed_at, s.subtotal_minor,
                       s.discount_minor, s.tax_minor, s.total_minor, s.paid_minor, s.change_minor, s.void_reason,
                       s.customer_id, cu.name, ap.display_name
                  FROM sale s JOIN staff st ON st.id = s.staff_id LEFT JOIN sale o ON o.id = s.original_sale
                  LEFT JOIN customer cu ON cu.id = s.customer_id LEFT JOIN staff ap ON ap.id = s.approved_by
                 WHERE s.id = ?""")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp completed = rows.getTimestamp(6);
                header = new SaleRecord(id, rows.getString(1), SaleRecord.Kind.valueOf(rows.getString(2)),
                        SaleRecord.Status.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                        rows.getObject(14, UUID.class), rows.getString(15), completed == null ? null : completed.toInstant(), rows.getLong(7), rows.getLong(8),
                        rows.getLong(9), rows.getLong(10), rows.getLong(11), rows.getLong(12), List.of(), List.of(),
                        rows.getString(13), rows.getString(16));
            }
        }
        Map<Integer, Integer> returned = header.kind() == SaleRecord.Kind.SALE ? returnedQuantities(c, id) : Map.of();
        List<SaleRecord.Line> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT line_no, part_id, part_number, description, bin, quantity, unit_price_minor, unit_cost_minor,
                       discount_minor, tax_minor, total_minor, restock
                  FROM sale_line WHERE sale_id = ? ORDER BY line_no""")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new SaleRecord.Line(rows.getInt(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getLong(7), rows.getLong(8),
                            rows.getLong(9), rows.getLong(10), rows.getLong(11), returned.getOrDefault(rows.getInt(1), 0),
                            (Boolean) rows.getObject(12)));
                }
            }
        }
        List<Tender> tenders = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT kind, amount_minor, reference FROM sale_tender WHERE sale_id = ? ORDER BY tender_no")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tenders.add(new Tender(Tender.Kind.valueOf(rows.getString(1)), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return Optional.of(header.withDetails(lines, tenders));
    }

    private static JsonObjectBuilder saleEvent(Connection c, UUID saleId) throws SQLException {
        SaleRecord sale = load(c, saleId).orElseThrow();
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (SaleRecord.Line line : sale.lines()) {
            lines.add(JSON.createObjectBuilder().add("lineNo", line.lineNo()).add("partId", line.partId().toString())
                    .add("partNumber", line.partNumber()).add("bin", line.bin()).add("quantity", line.quantity())
                    .add("unitPriceMinor", line.unitPriceMinor()).add("unitCostMinor", line.unitCostMinor())
                    .add("discountMinor", line.discountMinor()).add("taxMinor", line.taxMinor())
                    .add("totalMinor", line.totalMinor()));
        }
        JsonArrayBuilder tenders = JSON.createArrayBuilder();
        for (Tender tender : sale.tenders()) {
            tenders.add(JSON.createObjectBuilder().add("kind", tender.kind().name()).add("amountMinor", tender.amountMinor()));
        }
        return JSON.createObjectBuilder()
                .add("saleId", saleId.toString())
                .add("number", sale.number())
                .add("kind", sale.kind().name())
                .add("completedAt", sale.completedAt().toString())
                .add("staff", sale.staffName())
                .add("customerId", sale.customerId() == null ? "" : sale.customerId().toString())
                .add("subtotalMinor", sale.subtotalMinor())
                .add("discountMinor", sale.discountMinor())
                .add("taxMinor", sale.taxMinor())
                .add("totalMinor", sale.totalMinor())
                .add("approvedBy", sale.approvedByName() == null ? "" : sale.approvedByName())
                .add("lines", lines)
                .add("tenders", tenders);
    }

    private static Discount discount(String kind, long value) {
        return kind == null ? Discount.NONE : new Discount(Discount.Kind.valueOf(kind), value);
    }
}
