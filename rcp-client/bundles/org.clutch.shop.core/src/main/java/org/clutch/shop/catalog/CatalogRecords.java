package org.clutch.shop.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.headoffice.EditConflict;
import org.clutch.shop.headoffice.SharedRecords;
import org.clutch.shop.staff.Staff;

/** The catalog's parts as head office changes them ({@link ShopInboxTypes#PART_CHANGED}). */
public final class CatalogRecords implements SharedRecords {

    private final Catalog catalog;

    public CatalogRecords(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public EditConflict.Subject subject() {
        return EditConflict.Subject.PART;
    }

    @Override
    public String changeType() {
        return ShopInboxTypes.PART_CHANGED;
    }

    @Override
    public String keyField() {
        return "partId";
    }

    @Override
    public List<String> editableCentrally() {
        return CatalogFields.EDITABLE_CENTRALLY;
    }

    @Override
    public Optional<Stamped> lock(Connection c, UUID id) throws SQLException {
        if (label(c, id).isEmpty()) {
            return Optional.empty();
        }
        PartStore.Stamped stamped = PartStore.stamped(c, id);
        return Optional.of(new Stamped(label((String) stamped.values().get(CatalogFields.PART_NUMBER),
                (String) stamped.values().get(CatalogFields.NAME)), stamped.values(), stamped.stamps()));
    }

    @Override
    public void overwrite(Connection c, UUID id, Map<String, Object> values, Map<String, Long> stamps, Instant now)
            throws SQLException {
        Part part = PartStore.get(c, id).orElseThrow(() -> new IllegalStateException("part " + id + " is locked for this change"));
        PartStore.overwrite(c, part.withSharedValues(values), stamps, now);
    }

    @Override
    public void edit(Connection c, UUID id, String field, Object value, Staff by) throws SQLException {
        Part part = PartStore.get(c, id).orElseThrow(() -> new RuleException("That part no longer exists."));
        Map<String, Object> values = part.sharedValues();
        values.put(field, value);
        catalog.save(c, part.withSharedValues(values), by);
    }

    @Override
    public Object parse(String field, String stored) {
        if (stored == null) {
            return null;
        }
        return switch (field) {
            case CatalogFields.COST, CatalogFields.PRICE -> Long.parseLong(stored);
            case CatalogFields.TAXABLE -> Boolean.parseBoolean(stored);
            default -> stored;
        };
    }

    @Override
    public Optional<String> label(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT part_number, name FROM part WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(label(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    private static String label(String partNumber, String name) {
        return partNumber + " (" + name + ")";
    }
}
