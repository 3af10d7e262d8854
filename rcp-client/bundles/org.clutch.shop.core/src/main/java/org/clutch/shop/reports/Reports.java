package org.clutch.shop.reports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;

/**
 * The manager's figures: sales and margin per day and per category. A return takes its net and tax back; its
 * cost comes back only for goods put back on the shelf (goods not restocked are a loss and stay in the cost).
 */
public final class Reports {

    private final ShopDatabase database;
    private final Clock clock;

    public Reports(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One row per day from {@code from} to {@code to} inclusive, days without sales included. */
    public List<SalesFigures> dailySales(LocalDate from, LocalDate to) {
        Map<String, SalesFigures> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day.toString(), SalesFigures.empty(day.toString()));
        }
        ZoneId zone = clock.getZone();
        collect(from, to, line -> LocalDate.ofInstant(line.at, zone).toString(), days);
        return List.copyOf(days.values());
    }

    /** One row per category with sales in the period, best-selling (by net) first. */
    public List<SalesFigures> salesByCategory(LocalDate from, LocalDate to) {
        Map<String, SalesFigures> categories = new LinkedHashMap<>();
        collect(from, to, line -> line.category, categories);
        List<SalesFigures> rows = new ArrayList<>(categories.values());
        rows.sort(Comparator.comparingLong(SalesFigures::netMinor).reversed().thenComparing(SalesFigures::label));
        return rows;
    }

    /** The sum of some rows, labelled {@code label}. */
    public static SalesFigures total(String label, List<SalesFigures> rows) {
        SalesFigures sum = SalesFigures.empty(label);
        for (SalesFigures row : rows) {
            sum = sum.plus(row.sales(), row.returns(), row.units(), row.netMinor(), row.taxMinor(), row.costMinor());
        }
        return sum;
    }

    private record SoldLine(UUID saleId, boolean isReturn, java.time.Instant at, int quantity, long totalMinor,
            long taxMinor, long unitCostMinor, boolean restocked, String category) {
    }

    private void collect(LocalDate from, LocalDate to, Function<SoldLine, String> groupOf, Map<String, SalesFigures> groups) {
        if (to.isBefore(from)) {
            throw new RuleException("The report ends before it starts.");
        }
        ZoneId zone = clock.getZone();
        Set<String> countedSales = new HashSet<>();
        database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT s.id, s.kind, s.completed_at, l.quantity, l.total_minor, l.tax_minor, l.unit_cost_minor,
                           COALESCE(l.restock, FALSE), p.category
                      FROM sale s JOIN sale_line l ON l.sale_id = s.id JOIN part p ON p.id = l.part_id
                     WHERE s.status = 'COMPLETED' AND s.completed_at >= ? AND s.completed_at < ?""")) {
                select.setTimestamp(1, Timestamp.from(from.atStartOfDay(zone).toInstant()));
                select.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        SoldLine line = new SoldLine(rows.getObject(1, UUID.class), "RETURN".equals(rows.getString(2)),
                                rows.getTimestamp(3).toInstant(), rows.getInt(4), rows.getLong(5), rows.getLong(6),
                                rows.getLong(7), rows.getBoolean(8), rows.getString(9));
                        String group = groupOf.apply(line);
                        // a sale counts once per group it has lines in
                        boolean firstInGroup = countedSales.add(line.saleId() + "|" + group);
                        long net = line.totalMinor() - line.taxMinor();
                        long cost = line.unitCostMinor() * line.quantity();
                        SalesFigures figures = groups.getOrDefault(group, SalesFigures.empty(group));
                        groups.put(group, line.isReturn()
                                ? figures.plus(0, firstInGroup ? 1 : 0, -line.quantity(), -net, -line.taxMinor(),
                                        line.restocked() ? -cost : 0)
                                : figures.plus(firstInGroup ? 1 : 0, 0, line.quantity(), net, line.taxMinor(), cost));
                    }
                }
            }
            return null;
        });
    }
}
