package org.clutch.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.jms.CatalogFields;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.platform.Actor;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Head office's view of and hand on its shops' catalogs (the mirror the desktops sync). An edit stamps each changed
 * field with the central clock and goes to the shop's desktop on its inbox, with the stamp each field had before: a
 * desktop that changed the same field meanwhile sees that the two sides edited it while apart, keeps the later value
 * (the same one head office keeps) and lists the other for a person to review.
 */
@Interceptors(RowScope.class)
@Stateless
public class HeadOfficeCatalog {

    private static final Logger LOG = Logger.getLogger(HeadOfficeCatalog.class.getName());

    @Inject
    TransactionConnection database;

    @Inject
    CentralClock centralClock;

    @Inject
    ShopInbox inbox;

    @Inject
    Clock clock;

    public MirroredPart get(Actor actor, UUID shopId, UUID partId) throws SQLException {
        actor.require(Role.TENANT_ADMIN);
        try (Connection c = database.current()) {
            return load(c, shopId, partId, false);
        }
    }

    public MirroredPart edit(Actor actor, UUID shopId, UUID partId, PartEdit edit) throws SQLException {
        actor.require(Role.TENANT_ADMIN);
        Map<String, Object> given = edit.changes();
        if (given.isEmpty()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("body",
                    "give at least one of " + CatalogFields.EDITABLE_CENTRALLY)));
        }
        try (Connection c = database.current()) {
            MirroredPart before = load(c, shopId, partId, true);
            Instant now = clock.instant();
            Optional<MirroredColumns.CentralChange> change = MirroredColumns.CATALOG.changeCentrally(c, shopId, partId,
                    values(before), before.stamps(), given, centralClock, now);
            if (change.isEmpty()) {
                return before;
            }
            MirroredColumns.CentralChange changed = change.get();
            inbox.send(shopId, ShopInboxTypes.PART_CHANGED, partId, new PartChanged(partId, changed.values(), changed.stamps(),
                    changed.replaced(), String.valueOf(actor.userId()), now), null);
            LOG.info(() -> "event=head-office-part-edit shop=" + shopId + " part=" + partId + " fields=" + changed.values().keySet());
            return load(c, shopId, partId, false);
        }
    }

    /** The catalog.part-changed payload (ShopInboxTypes). */
    public record PartChanged(UUID partId, Map<String, Object> values, Map<String, Long> stamps, Map<String, Long> replaced,
            String by, Instant at) {
    }

    private static Map<String, Object> values(MirroredPart p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CatalogFields.PART_NUMBER, p.partNumber());
        values.put(CatalogFields.BRAND, p.brand());
        values.put(CatalogFields.NAME, p.name());
        values.put(CatalogFields.CATEGORY, p.category());
        values.put(CatalogFields.BARCODE, p.barcode());
        values.put(CatalogFields.COST, p.costMinor());
        values.put(CatalogFields.PRICE, p.priceMinor());
        values.put(CatalogFields.TAXABLE, p.taxable());
        return values;
    }

    /** Row-level security hides other tenants' shops: their parts are as unknown as a wrong id. */
    private static MirroredPart load(Connection c, UUID shopId, UUID partId, boolean lock) throws SQLException {
        String stampColumns = MirroredColumns.CATALOG.stampColumns();
        try (PreparedStatement select = c.prepareStatement("SELECT part_number, brand, name, category, barcode, cost_minor, "
                + "price_minor, taxable, changed_at, " + stampColumns + " FROM shop_catalog_part WHERE shop_id = ? AND part_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, shopId);
            select.setObject(2, partId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("part " + partId + " of shop " + shopId);
                }
                long cost = row.getLong(6);
                Long costMinor = row.wasNull() ? null : cost;
                return new MirroredPart(shopId, partId, row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), costMinor, row.getLong(7), row.getBoolean(8), row.getObject(9, OffsetDateTime.class),
                        MirroredColumns.CATALOG.stamps(row, 10));
            }
        }
    }
}
