package org.clutch.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.jms.SyncEvent;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;
import org.clutch.platform.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies a batch of desktop events in the caller's transaction, each exactly once: the event ids are claimed in
 * {@code sync_processed_event} with the same statement set as their effects, so an id seen before (a resend after a
 * crash, a redelivery) changes nothing, and a failure anywhere rolls the claims back with the effects. Events that
 * cannot be applied (unknown shop, type or version, a payload that does not read) are returned as rejections and
 * leave no trace but the shop's rejection count.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class SyncEventApplier {

    /** An event that will not be applied, and why. */
    public record Rejection(SyncEvent event, String reason) {
    }

    /** What a batch did: events applied, events already applied before, events rejected. */
    public record Outcome(int applied, int duplicates, List<Rejection> rejections) {
    }

    private record Accepted(SyncEvent event, UUID tenantId, ShopChange change) {
    }

    @Inject
    TransactionConnection database;

    @Inject
    AuditTrail audit;

    @Inject
    jakarta.enterprise.event.Event<DesktopChangeSynced> desktopChanges;

    @Inject
    jakarta.enterprise.event.Event<PurchaseOrderSynced> purchaseOrders;

    @Inject
    CentralClock centralClock;

    @Inject
    Clock clock;

    public Outcome apply(List<SyncEvent> batch) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = database.current()) {
            Map<UUID, UUID> tenantOfShop = tenantsOf(c, batch);
            List<Rejection> rejections = new ArrayList<>();
            Map<UUID, Accepted> accepted = new LinkedHashMap<>();
            List<SyncEvent> repeatedInBatch = new ArrayList<>();
            for (SyncEvent event : batch) {
                UUID tenant = tenantOfShop.get(event.shopId());
                if (tenant == null) {
                    rejections.add(new Rejection(event, "unknown shop " + event.shopId()));
                    continue;
                }
                if (accepted.containsKey(event.eventId())) {
                    repeatedInBatch.add(event); // the same event twice in one batch
                    continue;
                }
                try {
                    accepted.put(event.eventId(), new Accepted(event, tenant, ShopChange.of(event)));
                } catch (IllegalArgumentException e) {
                    rejections.add(new Rejection(event, e.getMessage()));
                }
            }
            Set<UUID> fresh = claim(c, accepted.values(), now);
            int duplicates = repeatedInBatch.size() + accepted.size() - fresh.size();
            List<Accepted> toApply = accepted.values().stream().filter(a -> fresh.contains(a.event().eventId())).toList();
            mirror(c, MirroredColumns.CATALOG, ShopChange.PartSaved.class, toApply);
            mirror(c, MirroredColumns.CUSTOMERS, ShopChange.CustomerSaved.class, toApply);
            recordPrivacyRequests(c, toApply, now);
            recordMovements(c, toApply);
            actOnMarketplace(toApply, tenantOfShop);
            updateStatus(c, fresh, accepted.values(), repeatedInBatch, rejections, tenantOfShop, now);
            return new Outcome(toApply.size(), duplicates, rejections);
        }
    }

    /**
     * What a change asks of the marketplace beyond the mirror, in the order the desktop made the changes: a quote written
     * on the desktop goes to the customer as the shop's own (answered on the shop's inbox), an order step is taken as the
     * shop's staff would take it (or refused with why), a purchase order to a supplier is announced to whoever deals with
     * that supplier elsewhere (a supplier partner).
     */
    private void actOnMarketplace(List<Accepted> events, Map<UUID, UUID> tenantOfShop) {
        for (Accepted a : events) {
            UUID shop = a.event().shopId();
            switch (a.change()) {
                case ShopChange.QuoteSubmitted quote -> desktopChanges.fire(new DesktopChangeSynced.QuoteWritten(shop,
                        a.event().eventId(), quote.requestId(), quote.submission()));
                case ShopChange.OrderStepRequested step -> desktopChanges.fire(new DesktopChangeSynced.OrderStepTaken(shop,
                        tenantOfShop.get(shop), a.event().eventId(), step.orderId(), step.step(), step.carrier(),
                        step.trackingNumber()));
                case ShopChange.PurchaseOrderChanged po -> purchaseOrders.fire(new PurchaseOrderSynced(shop, tenantOfShop.get(shop),
                        po.purchaseOrderId(), po.number(), po.supplierId(), po.status(), po.order()));
                default -> {
                    // stock, catalog and customer changes are the mirror's (above)
                }
            }
        }
    }

    private static Map<UUID, UUID> tenantsOf(Connection c, List<SyncEvent> batch) throws SQLException {
        Set<UUID> shops = new HashSet<>();
        batch.forEach(e -> shops.add(e.shopId()));
        Map<UUID, UUID> tenants = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, tenant_id FROM shop WHERE id = ANY (?)")) {
            select.setArray(1, c.createArrayOf("uuid", shops.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tenants.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                }
            }
        }
        return tenants;
    }

    /** Claims the events not seen before, in one statement; answers their ids. */
    private static Set<UUID> claim(Connection c, Collection<Accepted> events, Instant now) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO sync_processed_event (event_id, tenant_id, shop_id, type, version, occurred_at, applied_at)
                SELECT e.id, e.tenant, e.shop, e.type, e.version, e.occurred, ?
                  FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::int[], ?::timestamptz[])
                       AS e (id, tenant, shop, type, version, occurred)
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            bindColumns(c, insert, 2, events, List.of(
                    column("uuid", a -> a.event().eventId()),
                    column("uuid", Accepted::tenantId),
                    column("uuid", a -> a.event().shopId()),
                    column("varchar", a -> a.event().type()),
                    column("int4", a -> a.event().version()),
                    column("timestamptz", a -> Timestamp.from(a.event().occurredAt()))));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    /**
     * Catalog and customer edits, field by field: a field takes the desktop's value only when its stamp is later than
     * the mirror's (an edit head office made meanwhile may be later). The central clock sees every stamp, so head
     * office's next edit is later than anything a desktop sent.
     */
    private void mirror(Connection c, MirroredColumns table, Class<? extends ShopChange.MirroredEdit> kind,
            List<Accepted> events) throws SQLException {
        List<Accepted> edits = events.stream().filter(a -> kind.isInstance(a.change())).toList();
        if (edits.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement(table.upsert())) {
            for (Accepted a : edits) {
                ShopChange.MirroredEdit edit = kind.cast(a.change());
                int i = 1;
                upsert.setObject(i++, a.event().shopId());
                upsert.setObject(i++, edit.key());
                upsert.setObject(i++, a.tenantId());
                for (String field : table.fields()) {
                    upsert.setObject(i++, edit.values().get(field));
                }
                for (String field : table.fields()) {
                    long stamp = edit.stamps().get(field);
                    centralClock.observe(stamp);
                    upsert.setLong(i++, stamp);
                }
                upsert.setTimestamp(i++, Timestamp.from(a.event().occurredAt()));
                upsert.setObject(i, a.event().eventId());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Stock movements join the shop's ledger; a movement id already there (sent in an older event) is not added twice. */
    /**
     * A customer's records erased or handed to them at the shop: the erasure empties head office's copy for good (the
     * desktop's last save of it, already mirrored, was empty too), and both go into the audit log.
     */
    private void recordPrivacyRequests(Connection c, List<Accepted> events, Instant now) throws SQLException {
        for (Accepted a : events) {
            if (a.change() instanceof ShopChange.CustomerErased erased) {
                try (PreparedStatement erase = c.prepareStatement("""
                        UPDATE shop_customer SET name = ?, phone = NULL, email = NULL, credit_limit_minor = 0, vehicles = '[]',
                                                 erased_at = ? WHERE shop_id = ? AND customer_id = ?""")) {
                    erase.setString(1, MirroredCustomer.ERASED_NAME);
                    erase.setTimestamp(2, Timestamp.from(now));
                    erase.setObject(3, a.event().shopId());
                    erase.setObject(4, erased.customerId());
                    erase.executeUpdate();
                }
                audit.record(AuditEntry.of(AuditAction.SHOP_CUSTOMER_ERASED, a.tenantId(), null)
                        .target("shop-customer", erased.customerId()).detail("at the customer's request, by " + erased.staff()
                                + " at shop " + a.event().shopId()));
            } else if (a.change() instanceof ShopChange.CustomerDataExported exported) {
                audit.record(AuditEntry.of(AuditAction.SHOP_CUSTOMER_DATA_EXPORTED, a.tenantId(), null)
                        .target("shop-customer", exported.customerId()).detail("handed to the customer by " + exported.staff()
                                + " at shop " + a.event().shopId()));
            }
        }
    }

    private static void recordMovements(Connection c, List<Accepted> events) throws SQLException {
        List<Accepted> moves = events.stream().filter(a -> a.change() instanceof ShopChange.StockMoved).toList();
        if (moves.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO shop_stock_movement (movement_id, shop_id, tenant_id, part_id, bin, quantity, reason, reference,
                                                 moved_at, event_id)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::int[], ?::varchar[],
                                     ?::varchar[], ?::timestamptz[], ?::uuid[])
                ON CONFLICT (movement_id) DO NOTHING""")) {
            bindColumns(c, insert, 1, moves, List.of(
                    column("uuid", a -> movement(a).movementId()),
                    column("uuid", a -> a.event().shopId()),
                    column("uuid", Accepted::tenantId),
                    column("uuid", a -> movement(a).partId()),
                    column("varchar", a -> movement(a).bin()),
                    column("int4", a -> movement(a).quantity()),
                    column("varchar", a -> movement(a).reason()),
                    column("varchar", a -> movement(a).reference()),
                    column("timestamptz", a -> Timestamp.from(movement(a).movedAt())),
                    column("uuid", a -> a.event().eventId())));
            insert.executeUpdate();
        }
    }

    private static void updateStatus(Connection c, Set<UUID> fresh, Collection<Accepted> accepted, List<SyncEvent> repeatedInBatch,
            List<Rejection> rejections, Map<UUID, UUID> tenantOfShop, Instant now) throws SQLException {
        Map<UUID, Counts> perShop = new LinkedHashMap<>();
        for (Accepted a : accepted) {
            boolean isNew = fresh.contains(a.event().eventId());
            perShop.merge(a.event().shopId(), new Counts(isNew ? 1 : 0, isNew ? 0 : 1, 0, isNew ? a.event().occurredAt() : null, null),
                    Counts::plus);
        }
        // a resend that arrived in the same batch as the original is as much a duplicate as one a batch later
        for (SyncEvent repeated : repeatedInBatch) {
            perShop.merge(repeated.shopId(), new Counts(0, 1, 0, null, null), Counts::plus);
        }
        for (Rejection r : rejections) {
            if (tenantOfShop.containsKey(r.event().shopId())) {
                perShop.merge(r.event().shopId(), new Counts(0, 0, 1, null, r.reason()), Counts::plus);
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO sync_shop_status AS s (shop_id, tenant_id, events_applied, duplicates, rejected, last_event_at,
                                                   last_applied_at, last_rejection, last_rejected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (shop_id) DO UPDATE SET
                    events_applied = s.events_applied + EXCLUDED.events_applied,
                    duplicates = s.duplicates + EXCLUDED.duplicates,
                    rejected = s.rejected + EXCLUDED.rejected,
                    last_event_at = greatest(s.last_event_at, EXCLUDED.last_event_at),
                    last_applied_at = coalesce(EXCLUDED.last_applied_at, s.last_applied_at),
                    last_rejection = coalesce(EXCLUDED.last_rejection, s.last_rejection),
                    last_rejected_at = coalesce(EXCLUDED.last_rejected_at, s.last_rejected_at)""")) {
            for (Map.Entry<UUID, Counts> shop : perShop.entrySet()) {
                Counts counts = shop.getValue();
                upsert.setObject(1, shop.getKey());
                upsert.setObject(2, tenantOfShop.get(shop.getKey()));
                upsert.setLong(3, counts.applied());
                upsert.setLong(4, counts.duplicates());
                upsert.setLong(5, counts.rejected());
                upsert.setTimestamp(6, counts.lastEvent() == null ? null : Timestamp.from(counts.lastEvent()));
                upsert.setTimestamp(7, counts.applied() > 0 ? Timestamp.from(now) : null);
                upsert.setString(8, counts.lastRejection() == null ? null : truncate(counts.lastRejection()));
                upsert.setTimestamp(9, counts.lastRejection() == null ? null : Timestamp.from(now));
                upsert.addBatch();
            }
            if (!perShop.isEmpty()) {
                upsert.executeBatch();
            }
        }
    }

    /** One shop's share of a batch, for its status row. */
    private record Counts(long applied, long duplicates, long rejected, Instant lastEvent, String lastRejection) {

        Counts plus(Counts later) {
            Instant newest = lastEvent == null ? later.lastEvent
                    : later.lastEvent == null || lastEvent.isAfter(later.lastEvent) ? lastEvent : later.lastEvent;
            return new Counts(applied + later.applied, duplicates + later.duplicates, rejected + later.rejected, newest,
                    later.lastRejection != null ? later.lastRejection : lastRejection);
        }
    }

    /** One column of an {@code unnest(...)} insert: its SQL array element type and its value in a row. */
    private record Column<T>(String sqlType, Function<T, Object> value) {
    }

    private static <T> Column<T> column(String sqlType, Function<T, Object> value) {
        return new Column<>(sqlType, value);
    }

    /** Binds each column of the rows as one array parameter, from parameter {@code first} on. */
    private static <T> void bindColumns(Connection c, PreparedStatement statement, int first, Collection<T> rows,
            List<Column<T>> columns) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            statement.setArray(first + i, c.createArrayOf(column.sqlType(), rows.stream().map(column.value()).toArray()));
        }
    }

    private static ShopChange.StockMoved movement(Accepted accepted) {
        return (ShopChange.StockMoved) accepted.change();
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
