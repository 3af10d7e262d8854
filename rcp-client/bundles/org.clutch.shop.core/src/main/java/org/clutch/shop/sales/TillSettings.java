package org.clutch.shop.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.staff.Staff;

/** The settings of this shop's tills that a manager changes: clerks' limits and the wedge scanner's marks. */
public final class TillSettings {

    private static final String DISCOUNT_LIMIT = "sales.clerk-discount-limit-bp";
    private static final String REFUND_LIMIT = "returns.clerk-limit-minor";
    private static final String WEDGE_PREFIX = "scanner.wedge-prefix";
    private static final String WEDGE_SUFFIX = "scanner.wedge-suffix";

    private final ShopDatabase database;

    public TillSettings(ShopDatabase database) {
        this.database = database;
    }

    /** What a clerk may do alone at this shop's tills. */
    public TillLimits limits() {
        return database.read(TillSettings::limits);
    }

    static TillLimits limits(Connection c) throws SQLException {
        Map<String, String> values = read(c);
        return new TillLimits(Integer.parseInt(values.get(DISCOUNT_LIMIT)), Long.parseLong(values.get(REFUND_LIMIT)));
    }

    /** A manager sets what clerks may do alone. */
    public void changeLimits(TillLimits limits, Staff manager) {
        manager.requireManager("change the clerks' limits");
        write(Map.of(DISCOUNT_LIMIT, String.valueOf(limits.clerkDiscountLimitBp()),
                REFUND_LIMIT, String.valueOf(limits.clerkRefundLimitMinor())));
    }

    public WedgeMarks wedgeMarks() {
        return database.read(c -> {
            Map<String, String> values = read(c);
            return new WedgeMarks(values.get(WEDGE_PREFIX), values.get(WEDGE_SUFFIX));
        });
    }

    /** A manager sets the marks the shop's keyboard-wedge scanners are programmed to send. */
    public void changeWedgeMarks(WedgeMarks marks, Staff manager) {
        manager.requireManager("change the scanner settings");
        write(Map.of(WEDGE_PREFIX, marks.prefix(), WEDGE_SUFFIX, marks.suffix()));
    }

    private static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT setting_name, setting_value FROM shop_setting WHERE setting_name IN (?, ?, ?, ?)")) {
            select.setString(1, DISCOUNT_LIMIT);
            select.setString(2, REFUND_LIMIT);
            select.setString(3, WEDGE_PREFIX);
            select.setString(4, WEDGE_SUFFIX);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return values;
    }

    private void write(Map<String, String> values) {
        database.inTransaction(c -> {
            try (PreparedStatement merge = c.prepareStatement(
                    "MERGE INTO shop_setting (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                for (Map.Entry<String, String> value : values.entrySet()) {
                    merge.setString(1, value.getKey());
                    merge.setString(2, value.getValue());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
            return null;
        });
    }
}
