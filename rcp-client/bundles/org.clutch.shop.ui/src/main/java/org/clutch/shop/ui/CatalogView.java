package org.clutch.shop.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.exchange.ImportReport;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.inventory.CountLine;
import org.clutch.shop.inventory.StockMovement;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.ui.Screens.StatusLine;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Finding parts: by barcode, part number, cross-reference or words, or by the customer's vehicle. The chosen
 * part shows its cross-references, fitment, stock per bin and latest movements.
 */
public final class CatalogView {


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
    private final BackgroundWork work;
    private final Label count;
    private final ShopSession session;
    private final List<PartSummary> hits = new ArrayList<>();
    private final PartForm form;
    /** The part in the form as it was loaded; null while a new part is being entered. */
    private Part editing;

    public CatalogView(Composite parent, ShopSession session) {
        this.session = session;
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
        count = Screens.label(search, Screens.plural(shop.catalog().count(), "part"), "part-count");

        results = Screens.table(root, "catalog-results", SWT.SINGLE, "Part number:140", "Brand:110", "Name:280",
                "Category:130", "Barcode:130", "Price:100:r", "On hand:80:r");
        GridData resultsData = Screens.fill(1);
        resultsData.heightHint = 160; // the rest of the height goes to the part below, whose form must show whole
        results.setLayoutData(resultsData);
        Composite lower = new Composite(root, SWT.NONE);
        lower.setLayout(new GridLayout(2, false));
        lower.setLayoutData(Screens.fill(1));
        details = new Text(lower, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL);
        details.setData("name", "part-details");
        details.setFont(JFaceResources.getTextFont());
        details.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form = new PartForm(lower, money);
        Composite formActions = new Composite(form.control(), SWT.NONE);
        formActions.setLayout(new GridLayout(2, false));
        formActions.setLayoutData(Screens.wide(4));
        Screens.button(formActions, "New part", "new-part", () -> {
            form.clear();
            editing = null;
        }, status);
        Screens.button(formActions, "Save part", "save-part", this::savePart, status);

        Composite actions = new Composite(root, SWT.NONE);
        actions.setLayout(new GridLayout(8, false));
        actions.setLayoutData(Screens.wide(1));
        Screens.button(actions, "Print label…", "label-part", this::openLabel, status);
        Screens.button(actions, "Adjust stock…", "adjust-stock", this::adjustStock, status);
        Screens.button(actions, "Count a bin…", "count-bin", this::countBin, status);
        Screens.button(actions, "Move between bins…", "transfer-stock", this::transfer, status);
        Screens.button(actions, "Import catalog…", "import-catalog", this::importCatalog, status);
        Screens.button(actions, "Export catalog…", "export-catalog", () -> export("catalog.csv",
                (out, progress) -> shop.catalogCsv().export(out, progress), "parts"), status);
        Screens.button(actions, "Import stock count…", "import-stock", this::importStock, status);
        Screens.button(actions, "Export stock…", "export-stock", () -> export("stock.csv",
                (out, progress) -> shop.stockCsv().export(out, progress), "stock rows"), status);
        work = new BackgroundWork(root, status, 1);

        query.addListener(SWT.DefaultSelection, e -> status.run(this::search));
        results.addListener(SWT.Selection, e -> status.run(this::showDetails));
    }

    public Composite control() {
        return root;
    }

    private void search() {
        List<PartSummary> found;
        if (!make.getText().isBlank() || !model.getText().isBlank()) {
            found = shop.catalog().searchByVehicle(make.getText(), model.getText(), Screens.modelYear(year), query.getText(),
                    Catalog.DEFAULT_LIMIT);
        } else {
            found = shop.catalog().search(query.getText(), Catalog.DEFAULT_LIMIT);
        }
        hits.clear();
        hits.addAll(found);
        results.removeAll();
        for (PartSummary p : found) {
            new TableItem(results, SWT.NONE).setText(cells(p));
        }
        details.setText("");
        status.info(found.isEmpty() ? "No part matches." : found.size() == Catalog.DEFAULT_LIMIT
                ? found.size() + "+ parts match; narrow the search." : Screens.plural(found.size(), "part", "matches", "match") + ".");
    }

    /**
     * Saves the form: a new part, or the loaded one changed. A changed selling price, or one below the part's cost,
     * needs a manager, who can sign in at the till to approve it; a price below cost is always pointed out first.
     */
    private void savePart() {
        Part entered = form.read(editing == null ? null : editing.id());
        Staff by = session.staff();
        boolean priceChanged = editing != null && entered.priceMinor() != editing.priceMinor();
        boolean newlyBelowCost = entered.sellsBelowCost() && (editing == null || priceChanged
                || entered.costMinor() != editing.costMinor());
        String belowCost = "The selling price " + money.format(entered.priceMinor()) + " is below the cost "
                + money.format(entered.costMinor()) + ".";
        if (newlyBelowCost && by.isManager()
                && !session.prompter().confirm("Below cost", belowCost + " Save it anyway?")) {
            status.info("Not saved.");
            return;
        }
        if ((priceChanged || newlyBelowCost) && !by.isManager()) {
            String why = priceChanged ? "Changing the selling price of " + editing.partNumber() + " from "
                    + money.format(editing.priceMinor()) + " to " + money.format(entered.priceMinor()) + " needs a manager." : "";
            Optional<Staff> manager = session.manager(newlyBelowCost ? (why + " " + belowCost).trim() : why);
            if (manager.isEmpty()) {
                status.error("Not saved: the price was not approved by a manager.");
                return;
            }
            by = manager.get();
        }
        Part saved = shop.catalog().save(entered, by);
        boolean created = editing == null;
        count.setText(Screens.plural(shop.catalog().count(), "part"));
        make.setItems(shop.catalog().makes().toArray(String[]::new));
        showInResults(saved);
        status.info((created ? "Added " : "Saved ") + saved.brand() + " " + saved.partNumber() + ".");
    }

    /** Puts the saved part's row (new figures included) at the top of the list and selects it. */
    private void showInResults(Part saved) {
        PartSummary row = shop.catalog().summary(saved.id()).orElseThrow();
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).id().equals(saved.id())) {
                hits.remove(i);
                results.remove(i);
                break;
            }
        }
        hits.add(0, row);
        new TableItem(results, SWT.NONE, 0).setText(cells(row));
        results.setSelection(0);
        showDetails();
    }

    private String[] cells(PartSummary p) {
        return new String[] {p.partNumber(), p.brand(), p.name(), p.category(), p.barcode() == null ? "" : p.barcode(),
                money.format(p.priceMinor()), String.valueOf(p.onHand())};
    }

    private Optional<Part> selectedPart() {
        int index = results.getSelectionIndex();
        return index < 0 ? Optional.empty() : shop.catalog().get(hits.get(index).id());
    }

    /** The chosen part's shelf or bag label in a window of its own, previewed before it is printed. */
    private void openLabel() {
        int index = results.getSelectionIndex();
        if (index < 0) {
            throw new RuleException("Choose a part.");
        }
        PartSummary part = hits.get(index);
        Shell window = new Shell(root.getShell(), SWT.DIALOG_TRIM | SWT.RESIZE);
        window.setText("Label for " + part.partNumber());
        window.setLayout(new GridLayout(1, false));
        new LabelView(window, session, part).control().setLayoutData(Screens.fill(1));
        Button close = new Button(window, SWT.PUSH);
        close.setText("Close");
        close.setData("name", "close-label");
        close.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        close.addListener(SWT.Selection, e -> window.close());
        window.setDefaultButton(close);
        window.pack();
        window.open();
    }

    /** A manager's correction: units into (+) or out of (−) a bin, with the reason on the ledger. */
    private void adjustStock() {
        Part part = selectedPart().orElseThrow(() -> new RuleException("Choose a part."));
        Optional<String> bin = session.prompter().askText("Adjust stock", "Bin:", part.defaultBin());
        if (bin.isEmpty()) {
            return;
        }
        String binCode = bin.get().trim().toUpperCase(Locale.ROOT);
        int inBin = shop.inventory().onHandByBin(part.id()).getOrDefault(binCode, 0);
        Optional<String> delta = session.prompter().askText("Adjust stock", "Units into " + binCode + ", which holds "
                + inBin + " (negative to take out):", "");
        if (delta.isEmpty()) {
            return;
        }
        int units = Screens.wholeNumber(delta.get(), "The units to adjust by are a whole number, like 4 or -2.");
        shop.inventory().checkAdjustment(part.id(), binCode, units);
        Optional<String> reason = session.prompter().askText("Adjust stock", "Why (damaged, found, opening stock…)?", "");
        if (reason.isEmpty()) {
            return;
        }
        if (reason.get().isBlank()) {
            throw new RuleException("Say why the stock is adjusted; nothing was changed.");
        }
        Optional<Staff> manager = session.manager("Adjusting " + part.partNumber() + " in " + binCode + " by "
                + (units > 0 ? "+" : "") + units + " needs a manager.");
        if (manager.isEmpty()) {
            return;
        }
        shop.inventory().adjust(part.id(), binCode, units, reason.get(), manager.get());
        showDetails();
        status.info(part.partNumber() + " adjusted by " + units + " in " + binCode + ".");
    }

    /** A cycle count of one bin: the difference from the books goes on the ledger as a COUNT movement. */
    private void countBin() {
        Part part = selectedPart().orElseThrow(() -> new RuleException("Choose a part."));
        Optional<String> bin = session.prompter().askText("Count", "Bin counted:", part.defaultBin());
        Optional<String> counted = bin.flatMap(b -> session.prompter().askText("Count", "Units found in " + b + ":", ""));
        if (counted.isEmpty()) {
            return;
        }
        int found = Screens.wholeNumber(counted.get());
        CountLine line = shop.inventory().applyCount(Map.of(part.id(), Map.of(bin.get(), found)), session.staff()).get(0);
        showDetails();
        status.info("Counted " + line.counted() + " of " + part.partNumber() + " in " + line.bin() + "; the books said "
                + line.expected() + (line.variance() == 0 ? ", no variance." : ", variance " + (line.variance() > 0 ? "+" : "")
                + line.variance() + "."));
    }

    /** Moves units from one bin to another: two TRANSFER movements that add up to nothing. */
    private void transfer() {
        Part part = selectedPart().orElseThrow(() -> new RuleException("Choose a part."));
        Optional<String> from = session.prompter().askText("Move stock", "From bin:", part.defaultBin());
        Optional<String> to = from.flatMap(f -> session.prompter().askText("Move stock", "To bin:", ""));
        Optional<String> units = to.flatMap(t -> session.prompter().askText("Move stock", "How many units:", ""));
        if (units.isEmpty()) {
            return;
        }
        int quantity = Screens.count(units.get());
        shop.inventory().transfer(part.id(), from.get(), to.get(), quantity, session.staff());
        showDetails();
        status.info("Moved " + quantity + " of " + part.partNumber() + " from " + from.get().trim().toUpperCase()
                + " to " + to.get().trim().toUpperCase() + ".");
    }

    private void importCatalog() {
        session.prompter().chooseFile("Import catalog (CSV)", false, null).ifPresent(file -> work.start(
                "Importing " + file.getFileName(), progress -> importFile(file,
                        in -> shop.catalogCsv().importFrom(in, session.staff(), progress)), this::imported));
    }

    private void importStock() {
        Optional<Staff> manager = session.manager("Importing stock quantities needs a manager.");
        manager.flatMap(m -> session.prompter().chooseFile("Import stock count (CSV)", false, null)).ifPresent(file ->
                work.start("Importing " + file.getFileName(), progress -> importFile(file,
                        in -> shop.stockCsv().importCounts(in, manager.get(), progress)), this::imported));
    }

    private record Imported(ImportReport report, Path rejectedFile) {
    }

    /** Reads the file and, when rows were rejected, writes them with their reasons next to it. */
    private static Imported importFile(Path file, Function<Reader, ImportReport> importer) {
        ImportReport report;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = importer.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (report.rejected().isEmpty()) {
            return new Imported(report, null);
        }
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        Path rejected = file.resolveSibling(name + "-rejected.csv");
        try (Writer out = Files.newBufferedWriter(rejected, StandardCharsets.UTF_8)) {
            report.writeRejected(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Imported(report, rejected);
    }

    private void imported(Imported result) {
        count.setText(Screens.plural(shop.catalog().count(), "part"));
        count.getParent().layout();
        StringBuilder text = new StringBuilder(result.report().summary()).append('\n');
        result.report().rejected().stream().limit(50).forEach(r -> text.append("  line ").append(r.line()).append(": ")
                .append(r.reason()).append('\n'));
        details.setText(text.toString());
        status.info(result.report().summary() + (result.rejectedFile() == null ? ""
                : " Rejected rows and reasons: " + result.rejectedFile()));
    }

    @FunctionalInterface
    private interface Exporter {
        int write(Writer out, Progress progress);
    }

    /** Writes to a temporary file first, so a failed or cancelled export never leaves half a file in place. */
    private void export(String suggestedName, Exporter exporter, String what) {
        session.prompter().chooseFile("Export", true, suggestedName).ifPresent(file -> work.start(
                "Exporting to " + file.getFileName(), progress -> {
                    try {
                        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".export", ".csv");
                        int rows;
                        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                            rows = exporter.write(out, progress);
                        }
                        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        return rows;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, rows -> status.info("Exported " + rows + " " + what + " to " + file + ".")));
    }

    private void showDetails() {
        int index = results.getSelectionIndex();
        if (index < 0) {
            return;
        }
        Part part = shop.catalog().get(hits.get(index).id()).orElseThrow(() -> new RuleException("That part is gone."));
        // the row shows the same figures as the details below it, stock included
        shop.catalog().summary(part.id()).ifPresent(row -> {
            hits.set(index, row);
            results.getItem(index).setText(cells(row));
        });
        editing = part;
        form.show(part);
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
        text.append("Stock: ").append(bins.isEmpty() ? "none" : bins.entrySet().stream()
                .map(b -> b.getKey() + ": " + b.getValue()).collect(Collectors.joining(", "))
                + (bins.size() > 1 ? " (" + bins.values().stream().mapToInt(Integer::intValue).sum() + " in all)" : ""))
                .append('\n');
        for (StockMovement m : shop.inventory().ledger(part.id(), 10)) {
            text.append(String.format("  %s  %-10s %+5d  %-6s %s%n", Screens.when(m.movedAt()),
                    m.reason(), m.quantity(), m.bin(), m.reference() == null ? (m.note() == null ? "" : m.note()) : m.reference()));
        }
        details.setText(text.toString());
    }
}
