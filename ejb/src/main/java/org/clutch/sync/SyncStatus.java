package org.clutch.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.platform.Actor;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the backend has of each shop's desktop: sync status per shop (tenant admins their shops, platform admins all)
 * and a shop's central stock (its staff and admins). Row-level security keeps each tenant to its own rows.
 */
@Interceptors(RowScope.class)
@Stateless
public class SyncStatus {

    @Inject
    TransactionConnection database;

    public List<ShopSyncStatus> shops(Actor actor) throws SQLException {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        try (Connection c = database.current(); PreparedStatement select = c.prepareStatement("""
                SELECT s.id, s.name, coalesce(st.events_applied, 0), coalesce(st.duplicates, 0), coalesce(st.rejected, 0),
                       st.last_event_at, st.last_applied_at, st.last_rejection, st.last_rejected_at
                  FROM shop s LEFT JOIN sync_shop_status st ON st.shop_id = s.id
                 WHERE ? OR s.tenant_id = ?
                 ORDER BY s.name, s.id""")) {
            select.setBoolean(1, actor.isPlatformAdmin());
            select.setObject(2, actor.isPlatformAdmin() ? null : actor.tenant());
            List<ShopSyncStatus> shops = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    shops.add(new ShopSyncStatus(rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5), rows.getObject(6, OffsetDateTime.class),
                            rows.getObject(7, OffsetDateTime.class), rows.getString(8), rows.getObject(9, OffsetDateTime.class)));
                }
            }
            return shops;
        }
    }

    /** Another tenant's shop is as unknown as a wrong id: row-level security hides it. */
    static void requireShop(Connection c, UUID shopId) throws SQLException {
        try (PreparedStatement shop = c.prepareStatement("SELECT 1 FROM shop WHERE id = ?")) {
            shop.setObject(1, shopId);
            try (ResultSet row = shop.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("shop " + shopId);
                }
            }
        }
    }

    /** Per part with at least one synced movement, by part number. */
    public List<CentralStock> stock(Actor actor, UUID shopId) throws SQLException {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        if (actor.has(Role.SHOP_STAFF) && !shopId.equals(actor.shop())) {
            throw new NotFoundException("shop " + shopId);
        }
        try (Connection c = database.current()) {
            requireShop(c, shopId);
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT m.part_id, p.part_number, p.name, sum(m.quantity), count(*)
                      FROM shop_stock_movement m
                      LEFT JOIN shop_catalog_part p ON p.shop_id = m.shop_id AND p.part_id = m.part_id
                     WHERE m.shop_id = ?
                     GROUP BY m.part_id, p.part_number, p.name
                     ORDER BY p.part_number NULLS LAST, m.part_id""")) {
                select.setObject(1, shopId);
                List<CentralStock> stock = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stock.add(new CentralStock(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getLong(4), rows.getLong(5)));
                    }
                }
                return stock;
            }
        }
    }
}
