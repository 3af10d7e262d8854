package org.clutch.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.TransactionConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The central catalog that suppliers feed and every shop reads: parts with their prices, attributes, interchange
 * numbers and the vehicles they fit. A feed batch is applied with a few set-based statements (an upsert of every
 * item, its fitment replaced) in the caller's transaction, so it lands whole or not at all.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class SupplierCatalog {

    private static final Logger LOG = Logger.getLogger(SupplierCatalog.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Returns each part's id and whether it is new: xmax is 0 on a row the statement inserted rather than updated. */
    private static final String UPSERT = """
            INSERT INTO supplier_part AS p (id, tenant_id, part_number, brand, description, attributes, currency, list_price,
                                            net_price, interchange_numbers, feed_id, updated_at)
            SELECT gen_random_uuid(), ?, u.pn, u.br, u.de, u.at::jsonb, u.cu, u.lp, u.np, u.ic::jsonb, ?, ?
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::numeric[], ?::numeric[], ?::text[])
                 AS u(pn, br, de, at, cu, lp, np, ic)
            ON CONFLICT (tenant_id, part_number, brand) DO UPDATE SET description = EXCLUDED.description,
                attributes = EXCLUDED.attributes, currency = EXCLUDED.currency, list_price = EXCLUDED.list_price,
                net_price = EXCLUDED.net_price, interchange_numbers = EXCLUDED.interchange_numbers, feed_id = EXCLUDED.feed_id,
                updated_at = EXCLUDED.updated_at
            RETURNING id, part_number, brand, xmax = 0""";

    @Inject
    TransactionConnection database;

    @Inject
    Clock clock;

    /** What a batch did, for the supplier's answer. */
    public record Applied(String feedId, int batch, int items, int removed, int withdrawn) {
    }

    /** A part as shops read it, with the supplier that sells it and the vehicles it fits. */
    public record SupplierPart(UUID id, UUID supplierId, String supplier, String partNumber, String brand, String description,
            Map<String, String> attributes, String currency, BigDecimal listPrice, BigDecimal netPrice,
            List<String> interchangeNumbers, List<CatalogFeed.Fitment> fitment, OffsetDateTime updatedAt) {
    }

    /** Applies one batch of the supplier's feed in the caller's transaction. */
    public Applied apply(UUID supplier, CatalogFeed feed) {
        List<CatalogFeed.Item> items = feed.items();
        requireDistinct(items);
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection c = database.current()) {
            replaceFitment(c, items, upsert(c, supplier, feed.feedId(), items, now));
            int removed = feed.removed() == null || feed.removed().isEmpty() ? 0 : remove(c, supplier, feed.removed());
            int withdrawn = feed.mode() == CatalogFeed.Mode.FULL && feed.lastBatch() ? withdrawOthers(c, supplier, feed.feedId()) : 0;
            LOG.info(() -> "event=catalog-feed-applied supplier=" + supplier + " feed=" + feed.feedId() + " batch=" + feed.batch()
                    + " items=" + items.size() + " removed=" + removed + " withdrawn=" + withdrawn);
            return new Applied(feed.feedId(), feed.batch(), items.size(), removed, withdrawn);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply catalog feed " + feed.feedId() + " of supplier " + supplier, e);
        }
    }

    /** Parts that fit the vehicle (make, model, model year), optionally narrowed by words of the description or a number. */
    public Page<SupplierPart> fitting(Actor actor, String make, String model, int year, String text, int page, int size) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        if (make == null || make.isBlank() || model == null || model.isBlank()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("make", "make and model are required")));
        }
        String where = """
                FROM supplier_part p JOIN tenant t ON t.id = p.tenant_id
                WHERE EXISTS (SELECT 1 FROM supplier_fitment f WHERE f.part_id = p.id AND f.make = ? AND lower(f.model) = lower(?)
                              AND ? BETWEEN f.year_from AND f.year_to)
                  AND (? = '' OR p.description ILIKE '%' || ? || '%' OR p.part_number ILIKE ? OR p.interchange_numbers ?? ?)""";
        String words = text == null ? "" : text.trim();
        try (Connection c = database.current();
             PreparedStatement count = c.prepareStatement("SELECT count(*) " + where);
             PreparedStatement select = c.prepareStatement("SELECT p.id, p.tenant_id, t.name, p.part_number, p.brand, p.description, "
                     + "p.attributes::text, p.currency, p.list_price, p.net_price, p.interchange_numbers::text, p.updated_at " + where
                     + " ORDER BY p.brand, p.part_number, p.id LIMIT ? OFFSET ?")) {
            for (PreparedStatement s : List.of(count, select)) {
                s.setString(1, make.trim().toUpperCase(Locale.ROOT));
                s.setString(2, model.trim());
                s.setInt(3, year);
                s.setString(4, words);
                s.setString(5, words);
                s.setString(6, words);
                s.setString(7, words);
            }
            select.setInt(8, Page.clampSize(size));
            select.setInt(9, Page.firstResult(page, size));
            long total;
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<SupplierPart> parts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.add(new SupplierPart(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), attributes(rows.getString(7)), rows.getString(8),
                            rows.getBigDecimal(9), rows.getBigDecimal(10), strings(rows.getString(11)), List.of(),
                            rows.getObject(12, OffsetDateTime.class)));
                }
            }
            return new Page<>(withFitment(c, parts), Math.max(page, 0), Page.clampSize(size), total);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the supplier catalog", e);
        }
    }

    private static void requireDistinct(List<CatalogFeed.Item> items) {
        Map<CatalogFeed.PartKey, Integer> first = new HashMap<>();
        List<InvalidInputException.FieldError> duplicates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Integer earlier = first.putIfAbsent(items.get(i).key(), i);
            if (earlier != null) {
                duplicates.add(new InvalidInputException.FieldError("items[" + i + "]",
                        "the same part number and brand as items[" + earlier + "]"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidInputException(duplicates);
        }
    }

    /** The ids of the parts an upsert wrote, and which of them were there before (only those can have fitment). */
    private record Upserted(Map<CatalogFeed.PartKey, UUID> ids, List<UUID> existing) {
    }

    private static Upserted upsert(Connection c, UUID supplier, String feedId, List<CatalogFeed.Item> items,
            OffsetDateTime now) throws SQLException {
        Map<CatalogFeed.PartKey, UUID> ids = new HashMap<>();
        List<UUID> existing = new ArrayList<>();
        if (items.isEmpty()) {
            return new Upserted(ids, existing);
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setObject(1, supplier);
            s.setString(2, feedId);
            s.setObject(3, now);
            s.setArray(4, c.createArrayOf("varchar", items.stream().map(CatalogFeed.Item::partNumber).toArray()));
            s.setArray(5, c.createArrayOf("varchar", items.stream().map(CatalogFeed.Item::brand).toArray()));
            s.setArray(6, c.createArrayOf("varchar", items.stream().map(CatalogFeed.Item::description).toArray()));
            s.setArray(7, c.createArrayOf("text", items.stream()
                    .map(i -> JSONB.toJson(i.attributes() == null ? Map.of() : new LinkedHashMap<>(i.attributes()))).toArray()));
            s.setArray(8, c.createArrayOf("varchar", items.stream().map(i -> i.price().currency()).toArray()));
            s.setArray(9, c.createArrayOf("numeric", items.stream().map(i -> i.price().list()).toArray()));
            s.setArray(10, c.createArrayOf("numeric", items.stream().map(i -> i.price().net()).toArray()));
            s.setArray(11, c.createArrayOf("text", items.stream()
                    .map(i -> JSONB.toJson(i.interchangeNumbers() == null ? List.of() : i.interchangeNumbers())).toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    ids.put(new CatalogFeed.PartKey(rows.getString(2), rows.getString(3)), id);
                    if (!rows.getBoolean(4)) {
                        existing.add(id);
                    }
                }
            }
        }
        return new Upserted(ids, existing);
    }

    private static void replaceFitment(Connection c, List<CatalogFeed.Item> items, Upserted upserted) throws SQLException {
        Map<CatalogFeed.PartKey, UUID> ids = upserted.ids();
        if (ids.isEmpty()) {
            return;
        }
        if (!upserted.existing().isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM supplier_fitment WHERE part_id = ANY (?::uuid[])")) {
                delete.setArray(1, c.createArrayOf("uuid", upserted.existing().toArray()));
                delete.executeUpdate();
            }
        }
        List<Object> partIds = new ArrayList<>();
        List<Object> makes = new ArrayList<>();
        List<Object> models = new ArrayList<>();
        List<Object> from = new ArrayList<>();
        List<Object> to = new ArrayList<>();
        List<Object> engines = new ArrayList<>();
        List<Object> positions = new ArrayList<>();
        for (CatalogFeed.Item item : items) {
            for (CatalogFeed.Fitment f : item.fitment() == null ? List.<CatalogFeed.Fitment>of() : item.fitment()) {
                partIds.add(ids.get(item.key()));
                makes.add(f.make().trim().toUpperCase(Locale.ROOT));
                models.add(f.model().trim());
                from.add(f.yearFrom());
                to.add(f.lastYear());
                engines.add(f.engine());
                positions.add(f.position());
            }
        }
        if (partIds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO supplier_fitment (part_id, make, model, year_from, year_to, engine, position)
                SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[], ?::int[], ?::varchar[], ?::varchar[])""")) {
            insert.setArray(1, c.createArrayOf("uuid", partIds.toArray()));
            insert.setArray(2, c.createArrayOf("varchar", makes.toArray()));
            insert.setArray(3, c.createArrayOf("varchar", models.toArray()));
            insert.setArray(4, c.createArrayOf("int4", from.toArray()));
            insert.setArray(5, c.createArrayOf("int4", to.toArray()));
            insert.setArray(6, c.createArrayOf("varchar", engines.toArray()));
            insert.setArray(7, c.createArrayOf("varchar", positions.toArray()));
            insert.executeUpdate();
        }
    }

    private static int remove(Connection c, UUID supplier, List<CatalogFeed.PartKey> removed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM supplier_part WHERE tenant_id = ? AND (part_number, brand) IN "
                + "(SELECT * FROM unnest(?::varchar[], ?::varchar[]))")) {
            s.setObject(1, supplier);
            s.setArray(2, c.createArrayOf("varchar", removed.stream().map(CatalogFeed.PartKey::partNumber).toArray()));
            s.setArray(3, c.createArrayOf("varchar", removed.stream().map(CatalogFeed.PartKey::brand).toArray()));
            return s.executeUpdate();
        }
    }

    /** After a full feed's last batch: what the feed did not list is no longer sold. */
    private static int withdrawOthers(Connection c, UUID supplier, String feedId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM supplier_part WHERE tenant_id = ? AND feed_id <> ?")) {
            s.setObject(1, supplier);
            s.setString(2, feedId);
            return s.executeUpdate();
        }
    }

    private static List<SupplierPart> withFitment(Connection c, List<SupplierPart> parts) throws SQLException {
        if (parts.isEmpty()) {
            return parts;
        }
        Map<UUID, List<CatalogFeed.Fitment>> fitment = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT part_id, make, model, year_from, year_to, engine, position "
                + "FROM supplier_fitment WHERE part_id = ANY (?::uuid[]) ORDER BY make, model, year_from")) {
            s.setArray(1, c.createArrayOf("uuid", parts.stream().map(SupplierPart::id).toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    fitment.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CatalogFeed.Fitment(
                            rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5), rows.getString(6), rows.getString(7)));
                }
            }
        }
        return parts.stream().map(p -> new SupplierPart(p.id(), p.supplierId(), p.supplier(), p.partNumber(), p.brand(),
                p.description(), p.attributes(), p.currency(), p.listPrice(), p.netPrice(), p.interchangeNumbers(),
                fitment.getOrDefault(p.id(), List.of()), p.updatedAt())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> attributes(String json) {
        return JSONB.fromJson(json, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String json) {
        return JSONB.fromJson(json, ArrayList.class);
    }
}
