package org.clutch.shop.exchange;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.clutch.shop.common.RuleException;

/** A CSV file with a header row, read whole, with the reading rules both imports share, and how exports are written. */
final class CsvRows {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).get();

    record Row(long line, CSVRecord record) {

        String text(String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
        }

        boolean has(String column) {
            return record.isMapped(column);
        }

        int integer(String column, int whenBlank) {
            String value = text(column);
            if (value.isEmpty()) {
                return whenBlank;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new RuleException(column + " \"" + value + "\" is not a whole number.");
            }
        }

        boolean flag(String column, boolean whenBlank) {
            String value = text(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "" -> whenBlank;
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> throw new RuleException(column + " \"" + value + "\" is not yes or no.");
            };
        }

        List<String> values() {
            return record.toList();
        }
    }

    final List<String> header;
    final List<Row> rows;

    private CsvRows(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads the file; a header without the {@code required} columns refuses the whole file before anything is applied. */
    static CsvRows read(Reader in, Set<String> required) {
        try (CSVParser parser = FORMAT.parse(withoutByteOrderMark(in))) {
            List<String> header = List.copyOf(parser.getHeaderNames());
            List<String> lowerCase = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            List<String> missing = required.stream().filter(r -> !lowerCase.contains(r)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new RuleException("The file has no column " + String.join(", ", missing)
                        + "; its first row must name the columns.");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row(parser.getCurrentLineNumber(), record));
            }
            return new CsvRows(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RuleException("The file is not readable CSV: " + e.getMessage());
        }
    }

    /**
     * A printer of a CSV file with {@code columns} as its header. The file starts with a byte order mark, without
     * which Excel reads UTF-8 as the Windows code page and garbles names like "Bremsbeläge" or "Čačak".
     */
    static CSVPrinter printer(Writer out, List<String> columns) throws IOException {
        out.write('\uFEFF');
        return CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get().print(out);
    }

    /** Spreadsheets often start UTF-8 files with a byte order mark, which would otherwise stick to the first column's name. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** Null when the row has as many values as the header, else why it is refused. */
    String shapeProblem(Row row) {
        return row.record().size() == header.size() ? null
                : "has " + row.record().size() + " values; the header has " + header.size() + ".";
    }
}
