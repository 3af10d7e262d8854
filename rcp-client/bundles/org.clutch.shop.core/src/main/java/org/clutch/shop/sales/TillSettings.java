package org.clutch.shop.sales;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.db.ShopSettingsTable;
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
        return ShopSettingsTable.read(c, List.of(DISCOUNT_LIMIT, REFUND_LIMIT, WEDGE_PREFIX, WEDGE_SUFFIX));
    }

    private void write(Map<String, String> values) {
        ShopSettingsTable.write(database, values);
    }
}
