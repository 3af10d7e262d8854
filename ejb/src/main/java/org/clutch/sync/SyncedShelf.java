package org.clutch.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clutch.platform.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A shop's shelf as its desktop synced it: the mirrored catalog's prices with the stock its movement ledger adds up
 * to. The marketplace quotes from it for shops that opted in to automatic quotes.
 */
@ApplicationScoped
public class SyncedShelf {

    /** One part on the shelf: what the shop sells it for and pays for it (null if not synced), and how many it has. */
    public record Item(String partNumber, long priceMinor, Long costMinor, long onHand) {
    }

    @Inject
    TransactionConnection database;

    /** Part numbers are matched regardless of case and surrounding spaces. */
    public static String key(String partNumber) {
        return partNumber.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The shop's parts with these numbers, by {@link #key}. When two of the shop's parts share a number (two brands),
     * the one with more stock is offered.
     */
    public Map<String, Item> find(UUID shopId, Collection<String> partNumbers) {
        Map<String, Item> found = new HashMap<>();
        if (partNumbers.isEmpty()) {
            return found;
        }
        try (Connection c = database.current(); PreparedStatement select = c.prepareStatement("""
                SELECT upper(p.part_number), p.price_minor, p.cost_minor,
                       coalesce((SELECT sum(m.quantity) FROM shop_stock_movement m
                                  WHERE m.shop_id = p.shop_id AND m.part_id = p.part_id), 0)
                  FROM shop_catalog_part p
                 WHERE p.shop_id = ? AND upper(p.part_number) = ANY (?)""")) {
            select.setObject(1, shopId);
            select.setArray(2, c.createArrayOf("varchar", partNumbers.stream().map(SyncedShelf::key).distinct().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long cost = rows.getLong(3);
                    Item item = new Item(rows.getString(1), rows.getLong(2), rows.wasNull() ? null : cost, rows.getLong(4));
                    found.merge(item.partNumber(), item, (a, b) -> a.onHand() >= b.onHand() ? a : b);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the synced shelf of shop " + shopId, e);
        }
        return found;
    }
}
