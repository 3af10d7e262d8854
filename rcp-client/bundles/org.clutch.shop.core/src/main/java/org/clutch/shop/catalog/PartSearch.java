package org.clutch.shop.catalog;

import static org.clutch.shop.catalog.PartStore.SUMMARY;
import static org.clutch.shop.catalog.PartStore.summaries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The catalog's search queries: by number, by number prefix, by words of the name, by vehicle. */
final class PartSearch {

    private PartSearch() {
    }

    static List<PartSummary> byBarcode(Connection c, String barcode) throws SQLException {
        return summaries(c, SUMMARY + " WHERE p.barcode = ? AND p.active", List.of(barcode), 1);
    }

    /** Parts whose own number or a cross-reference has this number key. */
    static List<PartSummary> byNumberKey(Connection c, String key, int limit) throws SQLException {
        // two index lookups rather than one OR, which H2 answers by scanning the catalog
        Map<UUID, PartSummary> hits = new LinkedHashMap<>();
        summaries(c, SUMMARY + " WHERE p.active AND p.number_key = ? ORDER BY p.brand", List.of(key), limit)
                .forEach(p -> hits.put(p.id(), p));
        summaries(c, SUMMARY + """
                 JOIN part_cross_reference x ON x.part_id = p.id
                 WHERE p.active AND x.number_key = ? ORDER BY p.brand, p.part_number""", List.of(key), limit)
                .forEach(p -> hits.putIfAbsent(p.id(), p));
        return List.copyOf(hits.values());
    }

    static List<PartSummary> byNumberPrefix(Connection c, String keyPrefix, int limit) throws SQLException {
        return summaries(c, SUMMARY + " WHERE p.active AND p.number_key LIKE ? ORDER BY p.number_key",
                List.of(keyPrefix + "%"), limit);
    }

    /** Parts with a word starting with each of {@code words} in their name, brand or category, by name. */
    static List<PartSummary> byWords(Connection c, Set<String> words, int limit) throws SQLException {
        List<String> rarestFirst = rarestFirst(c, words);
        StringBuilder where = new StringBuilder(
                " WHERE p.active AND p.id IN (SELECT w.part_id FROM part_word w WHERE w.word LIKE ?)");
        List<Object> parameters = new ArrayList<>(List.of(rarestFirst.get(0) + "%"));
        narrowByWords(rarestFirst.subList(1, rarestFirst.size()), where, parameters);
        return firstSummaries(c, where.toString(), "p.name", parameters, limit);
    }

    /** Parts with a fitment matching {@code vehicleCondition} in {@code year}, narrowed by words, by category and name. */
    static List<PartSummary> fitting(Connection c, String vehicleCondition, List<Object> vehicle, int year,
            Set<String> words, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>(vehicle);
        parameters.add(year);
        parameters.add(year);
        StringBuilder where = new StringBuilder("""
                 WHERE p.active AND p.id IN (SELECT f.part_id FROM part_fitment f
                                              WHERE\s""").append(vehicleCondition)
                .append(" AND f.year_from <= ? AND f.year_to >= ?)");
        narrowByWords(words, where, parameters);
        return firstSummaries(c, where.toString(), "p.category, p.name", parameters, limit);
    }

    /**
     * The words, the one fewest parts have a word starting with first: that one chooses the candidate parts through
     * the word index and the others are checked on the candidates' rows. Choosing by every word made H2 collect all
     * the parts of the most common one.
     */
    private static List<String> rarestFirst(Connection c, Set<String> words) throws SQLException {
        if (words.size() == 1) {
            return List.copyOf(words);
        }
        Map<String, Integer> parts = new HashMap<>();
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM part_word WHERE word LIKE ?")) {
            for (String word : words) {
                count.setString(1, word + "%");
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    parts.put(word, rows.getInt(1));
                }
            }
        }
        return words.stream().sorted(Comparator.comparing(parts::get)).toList();
    }

    /** Keeps the parts that also have a word starting with each of these (words hold letters and digits only). */
    private static void narrowByWords(Collection<String> words, StringBuilder where, List<Object> parameters) {
        for (String word : words) {
            where.append(" AND p.search_words LIKE ?");
            parameters.add("% " + word + "%");
        }
    }

    /**
     * The first {@code limit} parts matching {@code where} in {@code order}, with their stock. The parts are chosen
     * and sorted by one select of their ids and the stock summed by a second for those alone: summed in the same
     * select, it was computed for every match before the sort kept the first, and H2 planned the word lookups worse
     * when the choice was a derived table of that select.
     */
    private static List<PartSummary> firstSummaries(Connection c, String where, String order, List<?> parameters,
            int limit) throws SQLException {
        List<UUID> chosen = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT p.id FROM part p " + where + " ORDER BY " + order + " LIMIT " + Math.max(1, limit))) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    chosen.add(rows.getObject(1, UUID.class));
                }
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<UUID, PartSummary> byId = new HashMap<>();
        summaries(c, SUMMARY + " WHERE p.id = ANY(?)", List.of((Object) chosen.toArray(UUID[]::new)), chosen.size())
                .forEach(p -> byId.put(p.id(), p));
        return chosen.stream().map(byId::get).toList();
    }
}
