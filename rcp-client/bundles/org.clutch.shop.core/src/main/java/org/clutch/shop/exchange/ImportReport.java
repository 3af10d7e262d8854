package org.clutch.shop.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

/**
 * What an import did: rows applied, and each rejected row with its line in the file and the reason, which can
 * be saved as a CSV (the row as it was, plus the reason) to fix and import again.
 */
public record ImportReport(int rowsRead, int applied, List<Rejected> rejected, List<String> header, boolean cancelled) {

    public ImportReport {
        rejected = List.copyOf(rejected);
        header = List.copyOf(header);
    }

    public record Rejected(long line, List<String> values, String reason) {
    }

    public String summary() {
        return applied + " of " + rowsRead + " rows applied, " + rejected.size() + " rejected"
                + (cancelled ? " (stopped when cancelled; rows after that were not read)" : "") + ".";
    }

    public void writeRejected(Writer out) {
        List<String> columns = new ArrayList<>(List.of("line"));
        columns.addAll(header);
        columns.add("reason");
        try (CSVPrinter printer = CsvRows.printer(out, columns)) {
            for (Rejected row : rejected) {
                List<Object> values = new ArrayList<>();
                values.add(row.line());
                values.addAll(row.values());
                values.add(row.reason());
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
