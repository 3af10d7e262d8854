package org.clutch.shop.exchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVPrinter;

import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.staff.Staff;

/**
 * The catalog as CSV, one part per row. Cross-references are {@code KIND:brand:number} and fitments
 * {@code make:model:from-to[:engine]}, several separated by {@code ;}. On import a part is matched by brand and
 * part number; a column left out of the file keeps the part's current value.
 */
public final class CatalogCsv {

    public static final List<String> COLUMNS = List.of("part_number", "brand", "name", "category", "barcode", "cost",
            "price", "taxable", "default_bin", "min_qty", "max_qty", "reorder_point", "cross_references", "fitment");
    private static final Set<String> REQUIRED = Set.of("part_number", "brand");
    /** Rows applied per transaction; each row has its own savepoint inside it. */
    private static final int CHUNK = 500;

    private final ShopDatabase database;
    private final Catalog catalog;
    private final ShopCurrency currency;

    public CatalogCsv(ShopDatabase database, Catalog catalog, ShopCurrency currency) {
        this.database = database;
        this.catalog = catalog;
        this.currency = currency;
    }

    public int export(Writer out, Progress progress) {
        int total = catalog.count();
        progress.started("Exporting " + total + " parts", total);
        int[] written = {0};
        try (CSVPrinter printer = CsvRows.printer(out, COLUMNS)) {
            catalog.forEachPart(part -> {
                try {
                    printer.printRecord(part.partNumber(), part.brand(), part.name(), part.category(),
                            part.barcode() == null ? "" : part.barcode(), currency.plain(part.costMinor()),
                            currency.plain(part.priceMinor()), part.taxable(), part.defaultBin(), part.minQty(),
                            part.maxQty(), part.reorderPoint(),
                            CrossReference.textOf(part.crossReferences(), ";"), Fitment.textOf(part.fitments(), ";"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++written[0] % 1000 == 0) {
                    progress.advanced(1000);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    /**
     * Adds and updates parts from a file. Each row is applied whole or not at all (a savepoint per row): a bad
     * row is reported with its reason and never stops the rows after it. Rows are committed in chunks, so a
     * cancelled import keeps what it applied and says where it stopped.
     */
    public ImportReport importFrom(Reader in, Staff by, Progress progress) {
        CsvRows file = CsvRows.read(in, REQUIRED);
        progress.started("Importing " + file.rows.size() + " parts", file.rows.size());
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        int applied = 0;
        int read = 0;
        boolean cancelled = false;
        for (int start = 0; start < file.rows.size(); start += CHUNK) {
            if (progress.isCancelled()) {
                cancelled = true;
                break;
            }
            List<CsvRows.Row> chunk = file.rows.subList(start, Math.min(file.rows.size(), start + CHUNK));
            applied += database.inTransaction(c -> {
                int ok = 0;
                for (CsvRows.Row row : chunk) {
                    String problem = file.shapeProblem(row);
                    if (problem != null) {
                        rejected.add(new ImportReport.Rejected(row.line(), row.values(), "Row " + problem));
                        continue;
                    }
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        catalog.save(c, toPart(c, row, by), by);
                        c.releaseSavepoint(savepoint);
                        ok++;
                    } catch (RuleException | IllegalArgumentException | SQLException e) {
                        c.rollback(savepoint);
                        rejected.add(new ImportReport.Rejected(row.line(), row.values(), reason(e)));
                    }
                }
                return ok;
            });
            read += chunk.size();
            progress.advanced(chunk.size());
        }
        return new ImportReport(read, applied, rejected, file.header, cancelled);
    }

    private Part toPart(Connection c, CsvRows.Row row, Staff by) throws SQLException {
        String number = row.text("part_number");
        String brand = row.text("brand");
        if (number.isEmpty() || brand.isEmpty()) {
            throw new RuleException("A row needs a part number and a brand.");
        }
        Optional<Part> existing = catalog.find(c, brand, number);
        Part base = existing.orElse(new Part(null, number, brand, null, null, null, 0, 0, true, "MAIN", 0, 0, 0,
                List.of(), List.of()));
        return new Part(base.id(), number, existing.map(Part::brand).orElse(brand),
                row.has("name") ? row.text("name") : base.name(),
                row.has("category") ? row.text("category") : base.category(),
                row.has("barcode") ? emptyToNull(row.text("barcode")) : base.barcode(),
                row.has("cost") ? money(row, "cost") : base.costMinor(),
                row.has("price") ? money(row, "price") : base.priceMinor(),
                row.flag("taxable", base.taxable()),
                row.has("default_bin") && !row.text("default_bin").isEmpty()
                        ? row.text("default_bin").toUpperCase(Locale.ROOT) : base.defaultBin(),
                row.integer("min_qty", base.minQty()), row.integer("max_qty", base.maxQty()),
                row.integer("reorder_point", base.reorderPoint()),
                row.has("cross_references") ? CrossReference.parseAll(row.text("cross_references")) : base.crossReferences(),
                row.has("fitment") ? Fitment.parseAll(row.text("fitment")) : base.fitments());
    }

    private long money(CsvRows.Row row, String column) {
        try {
            return currency.parse(row.text(column));
        } catch (IllegalArgumentException e) {
            throw new RuleException(column + ": " + e.getMessage());
        }
    }

    static String reason(Exception e) {
        if (e instanceof SQLException) {
            return "The database refused the row: " + e.getMessage().lines().findFirst().orElse("");
        }
        return e.getMessage();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
