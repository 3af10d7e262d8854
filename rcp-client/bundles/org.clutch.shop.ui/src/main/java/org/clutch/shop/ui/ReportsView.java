package org.clutch.shop.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.clutch.shop.Shop;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.inventory.StockLevel;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.reports.Reports;
import org.clutch.shop.reports.SalesFigures;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/** The manager's figures: daily sales and margin with a chart, sales by category, low stock and dead stock. */
public final class ReportsView {

    private final Shop shop;
    private final ShopCurrency money;
    private final Composite root;
    private final Text from;
    private final Text to;
    private final Text deadDays;
    private final SalesChart chart;
    private final Table daily;
    private final Table categories;
    private final Table low;
    private final Table dead;
    private final StatusLine status;

    public ReportsView(Composite parent, ShopSession session) {
        this.shop = session.shop();
        this.money = shop.profile().currency();
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);

        Composite period = new Composite(root, SWT.NONE);
        period.setLayout(new GridLayout(8, false));
        LocalDate today = LocalDate.now(shop.clock());
        new Label(period, SWT.NONE).setText("From");
        from = date(period, "report-from", today.minusDays(13));
        new Label(period, SWT.NONE).setText("to");
        to = date(period, "report-to", today);
        new Label(period, SWT.NONE).setText("Dead stock: no sale for");
        deadDays = date(period, "dead-days", null);
        deadDays.setText("180");
        new Label(period, SWT.NONE).setText("days");
        Screens.button(period, "Run", "run-report", this::run, status);

        SashForm split = new SashForm(root, SWT.VERTICAL);
        split.setLayoutData(Screens.fill(1));
        chart = new SalesChart(split, money);
        TabFolder tabs = new TabFolder(split, SWT.TOP);
        tabs.setData("name", "report-tabs");
        split.setWeights(2, 3);
        String[] figures = {"Sales:60:r", "Returns:65:r", "Units:60:r", "Net sales:120:r", "Tax:100:r", "Cost:120:r",
                "Margin:120:r", "Margin %:80:r"};
        daily = Screens.tab(tabs, "Daily sales and margin", "daily-sales", prepend("Day:110", figures));
        categories = Screens.tab(tabs, "Sales by category", "category-sales", prepend("Category:160", figures));
        low = Screens.tab(tabs, "Low stock", "low-stock", "Part number:130", "Brand:100", "Name:240", "Category:120",
                "On hand:70:r", "On order:70:r", "Reorder at:80:r", "Max:60:r", "Suggested order:110:r");
        dead = Screens.tab(tabs, "Dead stock", "dead-stock", "Part number:130", "Brand:100", "Name:240", "On hand:70:r",
                "Stock value:110:r", "Last sale:110");
        // the sales chart belongs with the sales tabs; the stock lists get the whole height
        tabs.addListener(SWT.Selection, e -> split.setMaximizedControl(tabs.getSelectionIndex() >= 2 ? tabs : null));
        run();
    }

    public Composite control() {
        return root;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Text date(Composite parent, String name, LocalDate value) {
        Text text = new Text(parent, SWT.BORDER);
        text.setData("name", name);
        text.setLayoutData(new GridData(90, SWT.DEFAULT));
        if (value != null) {
            text.setText(value.toString());
        }
        return text;
    }

    private void run() {
        LocalDate start = parse(from, "start");
        LocalDate end = parse(to, "end");
        if (end.isBefore(start)) {
            throw new RuleException("The report ends before it starts.");
        }
        if (start.plusDays(366).isBefore(end)) {
            throw new RuleException("Report at most a year at a time.");
        }
        int days = Screens.wholeNumber(deadDays.getText(), "Dead stock needs a number of days.");
        List<SalesFigures> perDay = shop.reports().dailySales(start, end);
        fill(daily, perDay);
        fill(categories, shop.reports().salesByCategory(start, end));
        chart.show(perDay);
        low.removeAll();
        for (StockLevel l : shop.inventory().lowStock()) {
            new TableItem(low, SWT.NONE).setText(new String[] {l.partNumber(), l.brand(), l.name(), l.category(),
                    String.valueOf(l.onHand()), String.valueOf(l.onOrder()), String.valueOf(l.reorderPoint()),
                    String.valueOf(l.maxQty()),
                    String.valueOf(l.suggestedOrderQuantity())});
        }
        dead.removeAll();
        for (StockLevel l : shop.inventory().deadStock(days)) {
            new TableItem(dead, SWT.NONE).setText(new String[] {l.partNumber(), l.brand(), l.name(),
                    String.valueOf(l.onHand()), money.format(l.onHand() * l.costMinor()),
                    l.lastSale() == null ? "never" : LocalDate.ofInstant(l.lastSale(), shop.clock().getZone()).toString()});
        }
        SalesFigures total = Reports.total("Total", perDay);
        status.info(start + " to " + end + ": net sales " + money.format(total.netMinor()) + ", margin "
                + money.format(total.marginMinor()) + " (" + percent(total.marginBasisPoints()) + ").");
    }

    private void fill(Table table, List<SalesFigures> rows) {
        table.removeAll();
        for (SalesFigures row : rows) {
            add(table, row);
        }
        if (!rows.isEmpty()) {
            add(table, Reports.total("Total", rows));
        }
    }

    private void add(Table table, SalesFigures f) {
        new TableItem(table, SWT.NONE).setText(new String[] {f.label(), String.valueOf(f.sales()),
                String.valueOf(f.returns()), String.valueOf(f.units()), money.format(f.netMinor()), money.format(f.taxMinor()),
                money.format(f.costMinor()), money.format(f.marginMinor()), percent(f.marginBasisPoints())});
    }

    private static String percent(long basisPoints) {
        return String.format("%.1f %%", basisPoints / 100.0);
    }

    private static LocalDate parse(Text field, String which) {
        try {
            return LocalDate.parse(field.getText().trim());
        } catch (DateTimeParseException e) {
            throw new RuleException("Write the " + which + " date as year-month-day, e.g. 2026-11-01.");
        }
    }
}
