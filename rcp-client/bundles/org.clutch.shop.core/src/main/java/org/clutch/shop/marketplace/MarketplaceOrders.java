package org.clutch.shop.marketplace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.InboxMessage;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.staff.Staff;

/**
 * The shop's marketplace orders, as they come on its inbox ({@link ShopInboxTypes#ORDER_CHANGED}), and the stock they
 * hold. An order to fulfil sets its parts aside at once (a reservation: a transfer out of the part's bin into the
 * {@link #RESERVED_BIN}, referenced by the order number), so the till does not sell what a customer already bought; a cancelled order puts them
 * back; a shipped order takes them out (a sale). Each step happens once, whatever the inbox delivers twice; the
 * movements go to head office like any other, so its stock stays the till's.
 */
public final class MarketplaceOrders {

    /** Where reserved parts wait for their order. */
    public static final String RESERVED_BIN = "MARKETPLACE";

    private static final Set<String> TO_FULFIL = Set.of("AWAITING_PAYMENT", "PAID", "PROCESSING", "READY");
    private static final Set<String> GONE = Set.of("SHIPPED", "DELIVERED");
    private static final Set<String> CALLED_OFF = Set.of("CANCELLED");

    private final ShopDatabase database;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Clock clock;

    public MarketplaceOrders(ShopDatabase database, Catalog catalog, Inventory inventory, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * Keeps the order as it is now and moves its stock as its status says.
     *
     * @throws RuleException when the message is not an order this desktop can read (with why)
     */
    public MarketplaceOrder receive(SyncEvent event) {
        record Heard(JsonObject order, UUID id, String number, String status) {
        }
        Heard heard = InboxMessage.read(event, ShopInboxTypes.ORDER_CHANGED, "an order",
                o -> new Heard(o, UUID.fromString(o.getString("id")), o.getString("number"), o.getString("status")));
        JsonObject order = heard.order();
        UUID orderId = heard.id();
        String number = heard.number();
        String status = heard.status();
        Instant now = clock.instant();
        database.inTransaction(c -> {
            try (PreparedStatement merge = c.prepareStatement("""
                    MERGE INTO marketplace_order t USING (VALUES (CAST(? AS UUID), CAST(? AS VARCHAR(32)),
                        CAST(? AS VARCHAR(24)), CAST(? AS VARCHAR(1000000)), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(id, num, st, p, at)
                       ON t.order_id = s.id
                     WHEN MATCHED THEN UPDATE SET status = s.st, payload = s.p, updated_at = s.at,
                          requested_step = CASE WHEN t.requested_step = s.st OR s.st IN ('CANCELLED', 'REFUNDED', 'RETURNED')
                                                THEN NULL ELSE t.requested_step END
                     WHEN NOT MATCHED THEN INSERT (order_id, order_number, status, payload, received_at, updated_at)
                          VALUES (s.id, s.num, s.st, s.p, s.at, s.at)""")) {
                merge.setObject(1, orderId);
                merge.setString(2, number);
                merge.setString(3, status);
                merge.setString(4, event.payload());
                merge.setTimestamp(5, Timestamp.from(now));
                merge.executeUpdate();
            }
            if (TO_FULFIL.contains(status) && !setAsideBefore(c, orderId)) {
                reserve(c, orderId, number, order);
            } else if (CALLED_OFF.contains(status)) {
                move(c, orderId, number, "RESERVED", "RELEASED");
            } else if (GONE.contains(status)) {
                move(c, orderId, number, "RESERVED", "SHIPPED");
            }
            return null;
        });
        return find(orderId).orElseThrow();
    }

    /**
     * The shop takes the order's next step here (prepared, packed, shipped with a carrier, delivered): kept as waiting
     * on the order and sent to the marketplace with the outbox, in one transaction, so that it goes whenever the
     * marketplace can be reached. The marketplace holds the rule: the order comes back at that step, or the step comes
     * back refused with why.
     *
     * @throws RuleException when the order is unknown, has no such next step, or a shipment has no carrier
     */
    public MarketplaceOrder takeStep(UUID orderId, MarketplaceOrder.Step step, String carrier, String trackingNumber, Staff by) {
        MarketplaceOrder order = find(orderId).orElseThrow(() -> new RuleException("That marketplace order is not on this desktop."));
        if (order.requestedStep() != null) {
            throw new RuleException("Order " + order.number() + " is already " + order.requestedStep().doing()
                    + "; wait until the marketplace confirms it.");
        }
        if (order.nextStep().filter(step::equals).isEmpty()) {
            throw new RuleException("Order " + order.number() + " is " + order.statusText() + "; it cannot be "
                    + step.doing() + " now.");
        }
        if (step == MarketplaceOrder.Step.SHIPPED && (carrier == null || carrier.isBlank())) {
            throw new RuleException("Say who carries the parts (the courier or \"own delivery\").");
        }
        Instant now = clock.instant();
        database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE marketplace_order SET requested_step = ?, requested_at = ?, step_refusal = NULL WHERE order_id = ?")) {
                update.setString(1, step.name());
                update.setTimestamp(2, Timestamp.from(now));
                update.setObject(3, orderId);
                update.executeUpdate();
            }
            Outbox.record(c, ShopInboxTypes.ORDER_STEP, orderId,
                    MarketplaceEvents.orderStep(orderId, step, carrier, trackingNumber, by), now);
            return null;
        });
        return find(orderId).orElseThrow();
    }

    /**
     * The marketplace did not take a step the shop took here ({@link ShopInboxTypes#ORDER_STEP_REFUSED}): the step no
     * longer waits, and the order says why.
     *
     * @throws RuleException when the message cannot be read or is about an order this desktop does not have
     */
    public MarketplaceOrder receiveRefusal(SyncEvent event) {
        record Refusal(UUID orderId, String reason) {
        }
        Refusal refusal = InboxMessage.read(event, ShopInboxTypes.ORDER_STEP_REFUSED, "a refusal",
                o -> new Refusal(UUID.fromString(o.getString("orderId")), o.getString("reason")));
        UUID orderId = refusal.orderId();
        String reason = refusal.reason();
        database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE marketplace_order SET requested_step = NULL, step_refusal = ? WHERE order_id = ?")) {
                update.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                update.setObject(2, orderId);
                if (update.executeUpdate() == 0) {
                    throw new RuleException("a refusal about order " + orderId + ", which is not on this desktop");
                }
            }
            return null;
        });
        return find(orderId).orElseThrow();
    }

    /** Orders of the last 30 days, the newest first. */
    public List<MarketplaceOrder> recent() {
        Instant since = clock.instant().minusSeconds(30L * 86_400);
        return database.read(c -> {
            List<MarketplaceOrder> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM marketplace_order WHERE updated_at > ? ORDER BY received_at DESC")) {
                select.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(order(c, rows));
                    }
                }
            }
            return found;
        });
    }

    public Optional<MarketplaceOrder> find(UUID orderId) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM marketplace_order WHERE order_id = ?")) {
                select.setObject(1, orderId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(order(c, row)) : Optional.empty();
                }
            }
        });
    }

    private static final String COLUMNS = "order_id, payload, updated_at, requested_step, step_refusal";

    /** A row ({@link #COLUMNS}) of marketplace_order, with what each line holds aside now. */
    private static MarketplaceOrder order(Connection c, ResultSet row) throws SQLException {
        UUID orderId = row.getObject(1, UUID.class);
        JsonObject o = InboxMessage.readPayload(row.getString(2), "an order", order -> order);
        Map<Integer, Integer> reserved = reservedUnits(c, orderId);
        List<MarketplaceOrder.Line> lines = o.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(l -> new MarketplaceOrder.Line(l.getInt("lineNo"), l.getString("name"), l.getString("partNumber", null),
                        l.getInt("quantity"), reserved.getOrDefault(l.getInt("lineNo"), 0)))
                .toList();
        return new MarketplaceOrder(orderId, o.getString("number"), o.getString("status"), o.getString("vehicle", ""),
                o.getString("deliveryAddress", ""), o.getString("currency"), o.getJsonNumber("total").bigDecimalValue(), lines,
                row.getTimestamp(3).toInstant(), row.getString(4) == null ? null : MarketplaceOrder.Step.valueOf(row.getString(4)),
                row.getString(5));
    }

    /** Each line whose part number this shop lists goes from the part's bin into the MARKETPLACE bin. */
    private void reserve(Connection c, UUID orderId, String number, JsonObject order) throws SQLException {
        for (JsonObject line : order.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            Optional<PartSummary> part = catalog.mostStockedByNumber(line.getString("partNumber", null));
            if (part.isEmpty()) {
                continue; // a part this shop does not list: nothing of its stock to set aside
            }
            int quantity = line.getInt("quantity");
            String bin = part.get().defaultBin();
            inventory.record(c, part.get().id(), bin, -quantity, StockReason.TRANSFER, number, "set aside for the marketplace", null);
            inventory.record(c, part.get().id(), RESERVED_BIN, quantity, StockReason.TRANSFER, number, "set aside for the marketplace",
                    null);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO marketplace_order_stock (order_id, line_no, part_id, from_bin, quantity, state)
                    VALUES (?, ?, ?, ?, ?, 'RESERVED')""")) {
                insert.setObject(1, orderId);
                insert.setInt(2, line.getInt("lineNo"));
                insert.setObject(3, part.get().id());
                insert.setString(4, bin);
                insert.setInt(5, quantity);
                insert.executeUpdate();
            }
        }
    }

    /** Reserved lines put back on their shelf (RELEASED) or out of the shop (SHIPPED, a sale); each once. */
    private void move(Connection c, UUID orderId, String number, String from, String to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT line_no, part_id, from_bin, quantity FROM marketplace_order_stock WHERE order_id = ? AND state = ? FOR UPDATE")) {
            select.setObject(1, orderId);
            select.setString(2, from);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID part = rows.getObject(2, UUID.class);
                    int quantity = rows.getInt(4);
                    inventory.record(c, part, RESERVED_BIN, -quantity, to.equals("SHIPPED") ? StockReason.SALE : StockReason.TRANSFER,
                            number, to.equals("SHIPPED") ? "shipped to the marketplace customer" : "order cancelled", null);
                    if (to.equals("RELEASED")) {
                        inventory.record(c, part, rows.getString(3), quantity, StockReason.TRANSFER, number, "order cancelled", null);
                    }
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE marketplace_order_stock SET state = ? WHERE order_id = ? AND line_no = ?")) {
                        update.setString(1, to);
                        update.setObject(2, orderId);
                        update.setInt(3, rows.getInt(1));
                        update.executeUpdate();
                    }
                }
            }
        }
    }

    /** Whether the order set stock aside before (whatever became of it since): an order reserves once. */
    private static boolean setAsideBefore(Connection c, UUID orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM marketplace_order_stock WHERE order_id = ? LIMIT 1")) {
            select.setObject(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Map<Integer, Integer> reservedUnits(Connection c, UUID orderId) throws SQLException {
        Map<Integer, Integer> units = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT line_no, quantity FROM marketplace_order_stock WHERE order_id = ? AND state = 'RESERVED'")) {
            select.setObject(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    units.put(rows.getInt(1), rows.getInt(2));
                }
            }
        }
        return units;
    }
}
