package org.clutch.shop.exchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVPrinter;

import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.staff.Staff;

/**
 * Stock on hand as CSV ({@code part_number,brand,bin,on_hand}). Importing a file is a stock count: each valid
 * row sets what is in that bin, through COUNT movements for the differences, so the ledger explains every change.
 */
public final class StockCsv {

    public static final List<String> COLUMNS = List.of("part_number", "brand", "bin", "on_hand");
    private static final int PROGRESS_STEP = 500;

    private final ShopDatabase database;
    private final Catalog catalog;
    private final Inventory inventory;

    public StockCsv(ShopDatabase database, Catalog catalog, Inventory inventory) {
        this.database = database;
        this.catalog = catalog;
        this.inventory = inventory;
    }

    public int export(Writer out, Progress progress) {
        progress.started("Exporting stock", 1);
        int rows = database.read(c -> {
            int written = 0;
            try (CSVPrinter printer = CsvRows.printer(out, COLUMNS);
                    PreparedStatement select = c.prepareStatement("""
                            SELECT p.part_number, p.brand, l.bin, l.on_hand FROM stock_level l JOIN part p ON p.id = l.part_id
                             WHERE l.on_hand <> 0 ORDER BY p.part_number, p.brand, l.bin""");
                    ResultSet levels = select.executeQuery()) {
                while (levels.next()) {
                    printer.printRecord(levels.getString(1), levels.getString(2), levels.getString(3), levels.getInt(4));
                    written++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return written;
        });
        progress.advanced(1);
        return rows;
    }

    /**
     * Applies counted quantities. Rows are checked first (known part, a bin, a whole number of 0 or more, each
     * part and bin once); the good ones are applied together as one count, the others reported.
     */
    public ImportReport importCounts(Reader in, Staff by, Progress progress) {
        by.requireManager("import stock quantities");
        CsvRows file = CsvRows.read(in, Set.copyOf(COLUMNS));
        progress.started("Checking " + file.rows.size() + " stock rows", file.rows.size() + 1);
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Map<UUID, Map<String, Integer>> counted = new LinkedHashMap<>();
        database.read(c -> {
            int checked = 0;
            for (CsvRows.Row row : file.rows) {
                try {
                    String problem = file.shapeProblem(row);
                    if (problem != null) {
                        throw new RuleException("Row " + problem);
                    }
                    String bin = row.text("bin").toUpperCase(Locale.ROOT);
                    if (bin.isEmpty()) {
                        throw new RuleException("Give the bin.");
                    }
                    int quantity = row.integer("on_hand", -1);
                    if (quantity < 0) {
                        throw new RuleException("on_hand must be a count of 0 or more.");
                    }
                    UUID partId = catalog.idOf(c, row.text("brand"), row.text("part_number")).orElseThrow(() ->
                            new RuleException("There is no part " + row.text("part_number") + " of " + row.text("brand") + "."));
                    Map<String, Integer> bins = counted.computeIfAbsent(partId, k -> new LinkedHashMap<>());
                    if (bins.containsKey(bin)) {
                        throw new RuleException("This part and bin are already counted earlier in the file.");
                    }
                    bins.put(bin, quantity);
                } catch (RuleException e) {
                    rejected.add(new ImportReport.Rejected(row.line(), row.values(), e.getMessage()));
                }
                // the screen follows in steps; a call per row would flood the UI thread on a large file
                if (++checked % PROGRESS_STEP == 0) {
                    progress.advanced(PROGRESS_STEP);
                }
            }
            progress.advanced(checked % PROGRESS_STEP);
            return null;
        });
        int valid = counted.values().stream().mapToInt(Map::size).sum();
        if (!counted.isEmpty()) {
            inventory.applyCount(counted, by);
        }
        progress.advanced(1);
        return new ImportReport(file.rows.size(), valid, rejected, file.header, false);
    }
}
