package org.clutch.shop.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clutch.shop.RuleException;
import org.clutch.shop.Shop;
import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.inventory.StockMovement;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Finding parts: by barcode, part number, cross-reference or words, or by the customer's vehicle. The chosen
 * part shows its cross-references, fitment, stock per bin and latest movements.
 */
public final class CatalogView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Shop shop;
    private final ShopCurrency money;
    private final Composite root;
    private final Text query;
    private final Combo make;
    private final Text model;
    private final Text year;
    private final Table results;
    private final Text details;
    private final StatusLine status;
    private final List<PartSummary> hits = new ArrayList<>();

    public CatalogView(Composite parent, ShopSession session) {
        this.shop = session.shop();
        this.money = shop.profile().currency();
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        status = new StatusLine(root, 1);

        Composite search = new Composite(root, SWT.NONE);
        search.setLayout(new GridLayout(9, false));
        search.setLayoutData(Screens.wide(1));
        new Label(search, SWT.NONE).setText("Find:");
        query = new Text(search, SWT.BORDER | SWT.SEARCH);
        query.setData("name", "catalog-query");
        query.setMessage("barcode, part number, cross-reference or words");
        query.setLayoutData(Screens.wide(1));
        new Label(search, SWT.NONE).setText("Vehicle:");
        make = new Combo(search, SWT.DROP_DOWN);
        make.setData("name", "vehicle-make");
        make.setItems(shop.catalog().makes().toArray(String[]::new));
        model = new Text(search, SWT.BORDER);
        model.setData("name", "vehicle-model");
        model.setMessage("model");
        year = new Text(search, SWT.BORDER);
        year.setData("name", "vehicle-year");
        year.setMessage("year");
        Screens.button(search, "Search", "catalog-search", this::search, status);
        Screens.button(search, "Clear vehicle", "clear-vehicle", () -> {
            make.setText("");
            model.setText("");
            year.setText("");
        }, status);
        Label count = new Label(search, SWT.NONE);
        count.setText(shop.catalog().count() + " parts");

        results = Screens.table(root, "catalog-results", SWT.SINGLE, "Part number:140", "Brand:110", "Name:280",
                "Category:130", "Barcode:130", "Price:100:r", "On hand:80:r");
        results.setLayoutData(Screens.fill(1));
        details = new Text(root, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL);
        details.setData("name", "part-details");
        details.setFont(JFaceResources.getTextFont());
        details.setLayoutData(Screens.fill(1));

        query.addListener(SWT.DefaultSelection, e -> status.run(this::search));
        results.addListener(SWT.Selection, e -> status.run(this::showDetails));
    }

    public Composite control() {
        return root;
    }

    private void search() {
        List<PartSummary> found;
        if (!make.getText().isBlank() || !model.getText().isBlank()) {
            int modelYear;
            try {
                modelYear = Integer.parseInt(year.getText().trim());
            } catch (NumberFormatException e) {
                throw new RuleException("Enter the vehicle's model year.");
            }
            found = shop.catalog().searchByVehicle(make.getText(), model.getText(), modelYear, query.getText(),
                    Catalog.DEFAULT_LIMIT);
        } else {
            found = shop.catalog().search(query.getText(), Catalog.DEFAULT_LIMIT);
        }
        hits.clear();
        hits.addAll(found);
        results.removeAll();
        for (PartSummary p : found) {
            new TableItem(results, SWT.NONE).setText(new String[] {p.partNumber(), p.brand(), p.name(), p.category(),
                    p.barcode() == null ? "" : p.barcode(), money.format(p.priceMinor()), String.valueOf(p.onHand())});
        }
        details.setText("");
        status.info(found.isEmpty() ? "No part matches." : found.size() + (found.size() == Catalog.DEFAULT_LIMIT
                ? "+ parts match; narrow the search." : " parts match."));
    }

    private void showDetails() {
        int index = results.getSelectionIndex();
        if (index < 0) {
            return;
        }
        Part part = shop.catalog().get(hits.get(index).id()).orElseThrow(() -> new RuleException("That part is gone."));
        StringBuilder text = new StringBuilder();
        text.append(part.brand()).append(' ').append(part.partNumber()).append(" — ").append(part.name()).append('\n');
        text.append("Price ").append(money.format(part.priceMinor())).append("   cost ").append(money.format(part.costMinor()))
                .append("   min ").append(part.minQty()).append("  max ").append(part.maxQty()).append("  reorder at ")
                .append(part.reorderPoint()).append('\n');
        for (CrossReference x : part.crossReferences()) {
            text.append("  ").append(x.kind()).append(' ').append(x.brand()).append(' ').append(x.number()).append('\n');
        }
        for (Fitment f : part.fitments()) {
            text.append("  fits ").append(f.describe()).append('\n');
        }
        Map<String, Integer> bins = shop.inventory().onHandByBin(part.id());
        text.append("Stock: ").append(bins.isEmpty() ? "none" : bins.toString()).append('\n');
        for (StockMovement m : shop.inventory().ledger(part.id(), 10)) {
            text.append(String.format("  %s  %-10s %+5d  %-6s %s%n", WHEN.format(m.movedAt().atZone(ZoneId.systemDefault())),
                    m.reason(), m.quantity(), m.bin(), m.reference() == null ? (m.note() == null ? "" : m.note()) : m.reference()));
        }
        details.setText(text.toString());
    }
}
