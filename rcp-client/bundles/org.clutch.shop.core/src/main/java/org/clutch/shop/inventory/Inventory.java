package org.clutch.shop.inventory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.staff.Staff;

/**
 * Stock as a ledger. Nothing writes {@code stock_level} but {@link #record}, which appends the movement, adds it
 * to the bin's running total and records an outbox event, all on the caller's transaction.
 */
public final class Inventory {

    private final ShopDatabase database;
    private final Clock clock;

    public Inventory(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Appends one movement on the caller's connection; sales, returns and receiving call this inside their own work. */
    public StockMovement record(Connection c, UUID partId, String bin, int quantity, StockReason reason,
            String reference, String note, Staff by) throws SQLException {
        if (quantity == 0) {
            throw new RuleException("A stock movement needs a quantity other than zero.");
        }
        StockMovement movement = new StockMovement(UUID.randomUUID(), partId, Bins.code(bin), quantity, reason, reference,
                note, by == null ? null : by.id(), clock.instant());
        StockStore.append(c, movement);
        Outbox.record(c, InventoryEvents.STOCK_MOVED, movement.id(), InventoryEvents.stockMoved(movement, by),
                movement.movedAt());
        return movement;
    }

    /** A manager's correction (damage, found stock, opening balance): {@code delta} units in or out of a bin. */
    public StockMovement adjust(UUID partId, String bin, int delta, String reason, Staff by) {
        by.requireManager("adjust stock");
        if (reason == null || reason.isBlank()) {
            throw new RuleException("Say why the stock is adjusted.");
        }
        return database.inTransaction(c -> {
            if (delta < 0) {
                String binCode = Bins.code(bin);
                Bins.checkTakeOut(binCode, StockStore.lockedBin(c, partId, binCode), delta);
            }
            return record(c, partId, bin, delta, StockReason.ADJUSTMENT, null, reason.trim(), by);
        });
    }

    /** Refuses, before anything is asked or written, an adjustment that would take a bin below zero. */
    public void checkAdjustment(UUID partId, String bin, int delta) {
        if (delta == 0) {
            throw new RuleException("The units to adjust by are a number other than 0.");
        }
        String binCode = Bins.code(bin);
        Bins.checkTakeOut(binCode, database.read(c -> StockStore.onHandInBin(c, partId, binCode)), delta);
    }

    /**
     * Moves units from one bin to another: two movements that add up to nothing. A bin cannot give more than the
     * books say it holds (a sale may go below zero after asking; a move between shelves has no reason to).
     */
    public void transfer(UUID partId, String fromBin, String toBin, int quantity, Staff by) {
        if (quantity <= 0) {
            throw new RuleException("Transfer a positive quantity.");
        }
        if (fromBin.trim().equalsIgnoreCase(toBin.trim())) {
            throw new RuleException("Choose two different bins.");
        }
        database.inTransaction(c -> {
            String from = Bins.code(fromBin);
            int inBin = StockStore.lockedBin(c, partId, from);
            if (quantity > inBin) {
                throw new RuleException("Bin " + from + " holds " + Math.max(0, inBin) + "; move at most that.");
            }
            String reference = "TRF " + from + "→" + toBin.trim().toUpperCase(Locale.ROOT);
            record(c, partId, fromBin, -quantity, StockReason.TRANSFER, reference, null, by);
            record(c, partId, toBin, quantity, StockReason.TRANSFER, reference, null, by);
            return null;
        });
    }

    public int onHand(UUID partId) {
        return database.read(c -> StockStore.onHand(c, partId));
    }

    /** What the part has on hand over all bins, on the caller's connection. */
    public static int onHand(Connection c, UUID partId) throws SQLException {
        return StockStore.onHand(c, partId);
    }

    /** Stock per bin, in bin order. */
    public Map<String, Integer> onHandByBin(UUID partId) {
        return database.read(c -> StockStore.onHandByBin(c, partId));
    }

    /** The ledger of one part, newest first. */
    public List<StockMovement> ledger(UUID partId, int limit) {
        return database.read(c -> StockStore.ledger(c, partId, limit));
    }

    /** Parts at or below their reorder point or minimum, with the quantity to order. */
    public List<StockLevel> lowStock() {
        return database.read(c -> StockStore.levels(c, "WHERE p.active AND ((p.reorder_point > 0 AND COALESCE(l.on_hand, 0) <= p.reorder_point)"
                + " OR COALESCE(l.on_hand, 0) < p.min_qty) ORDER BY p.category, p.part_number"));
    }

    /** Parts with stock on the shelf and no sale for {@code days} days (never sold counts as no sale). */
    public List<StockLevel> deadStock(int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return database.read(c -> StockStore.levels(c, "WHERE p.active AND COALESCE(l.on_hand, 0) > 0 AND (ls.last_sale IS NULL OR ls.last_sale < ?)"
                + " ORDER BY COALESCE(l.on_hand, 0) * p.cost_minor DESC", Timestamp.from(since)));
    }

    /**
     * Applies a stock count: for each counted part and bin, a COUNT movement of the difference between what was
     * found and the books, all in one transaction. Returns every line with its variance (zero ones included).
     */
    public List<CountLine> applyCount(Map<UUID, Map<String, Integer>> counted, Staff by) {
        return database.inTransaction(c -> {
            List<CountLine> lines = new ArrayList<>();
            for (Map.Entry<UUID, Map<String, Integer>> part : counted.entrySet()) {
                String partNumber = StockStore.partNumber(c, part.getKey());
                for (Map.Entry<String, Integer> bin : part.getValue().entrySet()) {
                    if (bin.getValue() == null || bin.getValue() < 0) {
                        throw new RuleException("A count for " + partNumber + " in " + bin.getKey() + " must be 0 or more.");
                    }
                    String binCode = bin.getKey().trim().toUpperCase(Locale.ROOT);
                    int expected = StockStore.onHandInBin(c, part.getKey(), binCode);
                    CountLine line = new CountLine(part.getKey(), partNumber, binCode, expected, bin.getValue());
                    if (line.variance() != 0) {
                        record(c, part.getKey(), binCode, line.variance(), StockReason.COUNT, "COUNT",
                                "counted " + line.counted() + ", books " + expected, by);
                    }
                    lines.add(line);
                }
            }
            return lines;
        });
    }
}
