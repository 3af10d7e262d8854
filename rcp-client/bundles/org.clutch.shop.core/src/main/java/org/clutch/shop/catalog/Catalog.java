package org.clutch.shop.catalog;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.clutch.jms.CatalogFields;
import org.clutch.jms.HybridClock;
import org.clutch.shop.PlainText;
import org.clutch.shop.RuleException;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.headoffice.FieldStamps;
import org.clutch.shop.staff.Staff;

/**
 * The shop's parts: saving them (with their cross-references, fitment and search words) and finding them by
 * barcode, part number, cross-reference, words of the name, or vehicle.
 */
public final class Catalog {

    public static final int DEFAULT_LIMIT = 200;

    /** What a search hit shows, read from a part row named {@code p}. */
    private static final String SUMMARY_COLUMNS = """
            SELECT p.id, p.part_number, p.brand, p.name, p.category, p.barcode, p.price_minor, p.cost_minor, p.taxable,
                   p.default_bin, COALESCE((SELECT SUM(s.on_hand) FROM stock_level s WHERE s.part_id = p.id), 0)
            """;
    private static final String SUMMARY = SUMMARY_COLUMNS + " FROM part p ";

    private final ShopDatabase database;
    private final Clock clock;

    public Catalog(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Creates or updates a part. Anyone at the till may add a part; changing the price of an existing one is
     * for a manager. Returns the part as saved (with its id).
     */
    public Part save(Part part, Staff by) {
        validate(part);
        return database.inTransaction(c -> save(c, part, by));
    }

    /**
     * Saves on the caller's connection: for imports that apply many rows in one transaction. Each shared field the
     * save changes gets a new stamp of the shop's edit clock (see {@link FieldStamps}); the event carries every
     * field's stamp, so head office keeps, field by field, the later of its edit and this one.
     */
    public Part save(Connection c, Part part, Staff by) throws SQLException {
        validate(part);
        Instant now = clock.instant();
        String key = Part.numberKey(part.partNumber());
        UUID id = part.id() != null ? part.id() : findId(c, part.brand().trim(), key).orElse(null);
        Part saved;
        Map<String, Long> stamps;
        if (id == null) {
            saved = part.withId(UUID.randomUUID());
            if (saved.sellsBelowCost()) {
                by.requireManager("price a part below its cost");
            }
            ensureBarcodeFree(c, saved);
            long stamp = database.editClock(clock).tick();
            stamps = FieldStamps.allAt(CatalogFields.ALL, stamp);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO part (id, part_number, number_key, brand, name, category, barcode, cost_minor, price_minor,
                                      taxable, default_bin, min_qty, max_qty, reorder_point, search_words, created_at,
                                      updated_at, field_stamps, last_stamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                bind(insert, saved, key);
                insert.setTimestamp(16, Timestamp.from(now));
                insert.setTimestamp(17, Timestamp.from(now));
                insert.setString(18, FieldStamps.json(stamps).build().toString());
                insert.setLong(19, stamp);
                insert.executeUpdate();
            }
            writeDetails(c, saved);
        } else {
            saved = part.withId(id);
            Stamped before = stamped(c, id);
            boolean priceChanged = (Long) before.values().get(CatalogFields.PRICE) != saved.priceMinor();
            if (priceChanged) {
                by.requireManager("change a selling price");
            }
            if (saved.sellsBelowCost() && (Long) before.values().get(CatalogFields.COST) != saved.costMinor()) {
                by.requireManager("price a part below its cost");
            }
            ensureBarcodeFree(c, saved);
            stamps = FieldStamps.restamp(before.values(), before.stamps(), values(saved), database.editClock(clock)::tick);
            overwrite(c, saved, stamps, now);
        }
        Outbox.record(c, "catalog.part-saved", 2, saved.id(), toJson(saved, stamps, by), now);
        return saved;
    }

    /** Replaces an existing part's row, cross-references, fitments and words; no event (callers decide). */
    void overwrite(Connection c, Part part, Map<String, Long> stamps, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE part SET id = ?, part_number = ?, number_key = ?, brand = ?, name = ?, category = ?, barcode = ?,
                                cost_minor = ?, price_minor = ?, taxable = ?, default_bin = ?, min_qty = ?, max_qty = ?,
                                reorder_point = ?, search_words = ?, updated_at = ?, field_stamps = ?, last_stamp = ?
                 WHERE id = ?""")) {
            bind(update, part, Part.numberKey(part.partNumber()));
            update.setTimestamp(16, Timestamp.from(now));
            update.setString(17, FieldStamps.json(stamps).build().toString());
            update.setLong(18, FieldStamps.latest(stamps));
            update.setObject(19, part.id());
            update.executeUpdate();
        }
        for (String table : List.of("part_cross_reference", "part_fitment", "part_word")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE part_id = ?")) {
                delete.setObject(1, part.id());
                delete.executeUpdate();
            }
        }
        writeDetails(c, part);
    }

    /** The shared fields' values ({@link CatalogFields}), as saved and as both sides compare them (no barcode is null). */
    static Map<String, Object> values(Part part) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CatalogFields.PART_NUMBER, part.partNumber().trim());
        values.put(CatalogFields.BRAND, part.brand().trim());
        values.put(CatalogFields.NAME, part.name().trim());
        values.put(CatalogFields.CATEGORY, part.category().trim());
        values.put(CatalogFields.BARCODE, part.barcode() == null || part.barcode().isBlank() ? null : part.barcode().trim());
        values.put(CatalogFields.COST, part.costMinor());
        values.put(CatalogFields.PRICE, part.priceMinor());
        values.put(CatalogFields.TAXABLE, part.taxable());
        return values;
    }

    /** A part's shared field values and their stamps, locked for the caller's change. */
    record Stamped(Map<String, Object> values, Map<String, Long> stamps) {
    }

    static Stamped stamped(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT part_number, brand, name, category, barcode, cost_minor, price_minor, taxable, field_stamps, updated_at
                  FROM part WHERE id = ? FOR UPDATE""")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RuleException("That part no longer exists.");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                values.put(CatalogFields.PART_NUMBER, row.getString(1));
                values.put(CatalogFields.BRAND, row.getString(2));
                values.put(CatalogFields.NAME, row.getString(3));
                values.put(CatalogFields.CATEGORY, row.getString(4));
                values.put(CatalogFields.BARCODE, row.getString(5));
                values.put(CatalogFields.COST, row.getLong(6));
                values.put(CatalogFields.PRICE, row.getLong(7));
                values.put(CatalogFields.TAXABLE, row.getBoolean(8));
                return new Stamped(values, FieldStamps.read(row.getString(9), CatalogFields.ALL,
                        HybridClock.of(row.getTimestamp(10).toInstant())));
            }
        }
    }

    public Optional<Part> get(UUID id) {
        return database.read(c -> get(c, id));
    }

    Optional<Part> get(Connection c, UUID id) throws SQLException {
        Optional<PartSummary> summary = summary(c, id);
        return summary.isEmpty() ? Optional.empty() : Optional.of(load(c, summary.get()));
    }

    /** The part as a search hit shows it, with its stock over all bins. */
    public Optional<PartSummary> summary(UUID id) {
        return database.read(c -> summary(c, id));
    }

    private static Optional<PartSummary> summary(Connection c, UUID id) throws SQLException {
        return summaries(c, SUMMARY + " WHERE p.id = ?", List.of(id), 1).stream().findFirst();
    }

    public Optional<PartSummary> findByBarcode(String barcode) {
        if (barcode == null || barcode.isBlank()) {
            return Optional.empty();
        }
        return database.read(c -> summaries(c, SUMMARY + " WHERE p.barcode = ? AND p.active", List.of(barcode.trim()), 1)
                .stream().findFirst());
    }

    /**
     * What a scanner or a typed number means exactly: the part with this barcode alone, else the parts with this
     * part or cross-reference number (several brands can share one); empty when nothing matches exactly.
     */
    public List<PartSummary> findExact(String text) {
        return findByBarcode(text).map(List::of).orElseGet(() -> findByNumber(text));
    }

    /** Parts whose own number or a cross-reference is exactly this number (separators and case ignored). */
    /**
     * The part a customer asking for this number (or one of its cross-references) would be given: of the shop's parts
     * under the number, the one with the most stock. Empty when the shop lists none (or the number is null).
     */
    public Optional<PartSummary> mostStockedByNumber(String number) {
        return number == null ? Optional.empty() : findByNumber(number).stream().max(Comparator.comparingInt(PartSummary::onHand));
    }

    public List<PartSummary> findByNumber(String number) {
        String key = Part.numberKey(number);
        if (key.isEmpty()) {
            return List.of();
        }
        // two index lookups rather than one OR, which H2 answers by scanning the catalog
        return database.read(c -> {
            Map<UUID, PartSummary> hits = new LinkedHashMap<>();
            summaries(c, SUMMARY + " WHERE p.active AND p.number_key = ? ORDER BY p.brand", List.of(key), DEFAULT_LIMIT)
                    .forEach(p -> hits.put(p.id(), p));
            summaries(c, SUMMARY + """
                     JOIN part_cross_reference x ON x.part_id = p.id
                     WHERE p.active AND x.number_key = ? ORDER BY p.brand, p.part_number""", List.of(key), DEFAULT_LIMIT)
                    .forEach(p -> hits.putIfAbsent(p.id(), p));
            return List.copyOf(hits.values());
        });
    }

    /**
     * What a person types in the search box: a barcode or an exact part or cross-reference number answers with
     * that part alone; otherwise part numbers starting with the text, then parts whose name, brand and category
     * have words starting with each word typed.
     */
    public List<PartSummary> search(String query, int limit) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            return List.of();
        }
        List<PartSummary> exact = findExact(text);
        if (!exact.isEmpty()) {
            return exact;
        }
        Map<UUID, PartSummary> hits = new LinkedHashMap<>();
        String key = Part.numberKey(text);
        if (key.length() >= 3) {
            database.read(c -> summaries(c, SUMMARY + " WHERE p.active AND p.number_key LIKE ? ORDER BY p.number_key",
                    List.of(key + "%"), limit)).forEach(p -> hits.putIfAbsent(p.id(), p));
        }
        if (hits.size() < limit) {
            searchWords(text, limit).forEach(p -> hits.putIfAbsent(p.id(), p));
        }
        return hits.values().stream().limit(limit).toList();
    }

    /** Parts that fit a vehicle, optionally narrowed by words ("brake pad"). */
    public List<PartSummary> searchByVehicle(String make, String model, int year, String words, int limit) {
        if (make == null || make.isBlank() || model == null || model.isBlank()) {
            throw new RuleException("Choose the vehicle's make and model.");
        }
        return searchFitting("f.make = ? AND f.model = ?", List.of(make.trim().toUpperCase(Locale.ROOT),
                model.trim().toUpperCase(Locale.ROOT)), year, words, limit);
    }

    /**
     * Parts listed for any model of a make in a model year: what a car's VIN alone allows (it tells the maker and the
     * year, not the model), optionally narrowed by words.
     */
    public List<PartSummary> searchByMakeAndYear(String make, int year, String words, int limit) {
        if (make == null || make.isBlank()) {
            throw new RuleException("Choose the vehicle's make.");
        }
        return searchFitting("f.make = ?", List.of(make.trim().toUpperCase(Locale.ROOT)), year, words, limit);
    }

    private List<PartSummary> searchFitting(String vehicleCondition, List<Object> vehicle, int year, String words,
            int limit) {
        List<Object> parameters = new ArrayList<>(vehicle);
        parameters.add(year);
        parameters.add(year);
        StringBuilder where = new StringBuilder("""
                 WHERE p.active AND p.id IN (SELECT f.part_id FROM part_fitment f
                                              WHERE\s""").append(vehicleCondition)
                .append(" AND f.year_from <= ? AND f.year_to >= ?)");
        narrowByWords(words(words), where, parameters);
        String order = "p.category, p.name";
        return database.read(c -> firstSummaries(c, where.toString(), order, parameters, limit));
    }

    public List<String> makes() {
        return database.read(c -> strings(c, "SELECT DISTINCT make FROM part_fitment ORDER BY make"));
    }

    public List<String> categories() {
        return database.read(c -> strings(c, "SELECT DISTINCT category FROM part ORDER BY category"));
    }

    /** The part with this brand and number, read on the caller's connection (imports match rows this way). */
    public Optional<Part> find(Connection c, String brand, String partNumber) throws SQLException {
        Optional<UUID> id = idOf(c, brand, partNumber);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(load(c, summary(c, id.get()).orElseThrow()));
    }

    /** The id of the part with this brand (case ignored) and number (separators ignored), on the caller's connection. */
    public Optional<UUID> idOf(Connection c, String brand, String partNumber) throws SQLException {
        return findId(c, brand.trim(), Part.numberKey(partNumber));
    }

    /**
     * Every active part with its cross-references and fitment, in part number order, read in three ordered
     * passes rather than three queries per part (an export of 100,000 parts would otherwise take minutes).
     */
    public void forEachPart(java.util.function.Consumer<Part> action) {
        database.read(c -> {
            try (var parts = c.createStatement(); var references = c.createStatement(); var fitments = c.createStatement();
                    ResultSet p = parts.executeQuery("""
                            SELECT id, part_number, brand, name, category, barcode, cost_minor, price_minor, taxable,
                                   default_bin, min_qty, max_qty, reorder_point
                              FROM part WHERE active ORDER BY id""");
                    ResultSet x = references.executeQuery("""
                            SELECT x.part_id, x.kind, x.brand, x.number FROM part_cross_reference x
                              JOIN part p ON p.id = x.part_id WHERE p.active ORDER BY x.part_id, x.kind, x.brand, x.number""");
                    ResultSet f = fitments.executeQuery("""
                            SELECT f.part_id, f.make, f.model, f.year_from, f.year_to, f.engine FROM part_fitment f
                              JOIN part p ON p.id = f.part_id WHERE p.active ORDER BY f.part_id, f.make, f.model, f.year_from""")) {
                // H2 orders UUIDs as unsigned bytes, which is the order of their text, not of UUID.compareTo
                boolean moreReferences = x.next();
                boolean moreFitments = f.next();
                while (p.next()) {
                    UUID id = p.getObject(1, UUID.class);
                    List<CrossReference> partReferences = new ArrayList<>();
                    while (moreReferences && x.getObject(1, UUID.class).toString().compareTo(id.toString()) <= 0) {
                        if (x.getObject(1, UUID.class).equals(id)) {
                            partReferences.add(new CrossReference(CrossReference.Kind.valueOf(x.getString(2)),
                                    x.getString(3), x.getString(4)));
                        }
                        moreReferences = x.next();
                    }
                    List<Fitment> partFitments = new ArrayList<>();
                    while (moreFitments && f.getObject(1, UUID.class).toString().compareTo(id.toString()) <= 0) {
                        if (f.getObject(1, UUID.class).equals(id)) {
                            partFitments.add(new Fitment(f.getString(2), f.getString(3), f.getInt(4), f.getInt(5),
                                    f.getString(6)));
                        }
                        moreFitments = f.next();
                    }
                    action.accept(new Part(id, p.getString(2), p.getString(3), p.getString(4), p.getString(5),
                            p.getString(6), p.getLong(7), p.getLong(8), p.getBoolean(9), p.getString(10), p.getInt(11),
                            p.getInt(12), p.getInt(13), partReferences, partFitments));
                }
            }
            return null;
        });
    }

    public int count() {
        return database.read(c -> {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM part WHERE active")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private List<PartSummary> searchWords(String text, int limit) {
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return database.read(c -> {
            List<String> rarestFirst = rarestFirst(c, words);
            StringBuilder where = new StringBuilder(
                    " WHERE p.active AND p.id IN (SELECT w.part_id FROM part_word w WHERE w.word LIKE ?)");
            List<Object> parameters = new ArrayList<>(List.of(rarestFirst.get(0) + "%"));
            narrowByWords(rarestFirst.subList(1, rarestFirst.size()), where, parameters);
            return firstSummaries(c, where.toString(), "p.name", parameters, limit);
        });
    }

    /**
     * The words, the one fewest parts have a word starting with first: that one chooses the candidate parts through
     * the word index and the others are checked on the candidates' rows. Choosing by every word made H2 collect all
     * the parts of the most common one ("filter": 38,000 of 100,000 for "oil filter").
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

    /** The search words of a text: lower case letters and digits, at least two characters. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2) {
                words.add(word.length() > 40 ? word.substring(0, 40) : word);
            }
        }
        return words;
    }

    private static void validate(Part part) {
        List<String> problems = new ArrayList<>();
        if (part.partNumber() == null || Part.numberKey(part.partNumber()).isEmpty()) {
            problems.add("a part number");
        }
        if (part.brand() == null || part.brand().isBlank()) {
            problems.add("a brand");
        }
        if (part.name() == null || part.name().isBlank()) {
            problems.add("a name");
        }
        if (part.category() == null || part.category().isBlank()) {
            problems.add("a category");
        }
        if (!problems.isEmpty()) {
            throw new RuleException("A part needs " + String.join(", ", problems) + ".");
        }
        PlainText.check("part number", part.partNumber());
        PlainText.check("brand", part.brand());
        PlainText.check("name", part.name());
        PlainText.check("category", part.category());
        PlainText.check("barcode", part.barcode());
        PlainText.check("bin", part.defaultBin());
        part.crossReferences().forEach(x -> {
            PlainText.check("cross-reference brand", x.brand());
            PlainText.check("cross-reference number", x.number());
        });
        part.fitments().forEach(f -> {
            PlainText.check("fitment make", f.make());
            PlainText.check("fitment model", f.model());
            PlainText.check("fitment engine", f.engine());
        });
        if (part.priceMinor() < 0 || part.costMinor() < 0) {
            throw new RuleException("Prices and costs cannot be negative.");
        }
        if (part.barcode() != null && !part.barcode().isBlank() && !Barcodes.isValid(part.barcode().trim())) {
            throw new RuleException("The barcode " + part.barcode() + " has a wrong check digit or characters.");
        }
        if (part.minQty() < 0 || part.maxQty() < 0 || part.reorderPoint() < 0) {
            throw new RuleException("Stock levels cannot be negative.");
        }
        if (part.maxQty() > 0 && part.maxQty() < part.minQty()) {
            throw new RuleException("The maximum stock is below the minimum.");
        }
        for (Fitment f : part.fitments()) {
            if (f.make() == null || f.make().isBlank() || f.model() == null || f.model().isBlank()) {
                throw new RuleException("A fitment needs a make and a model.");
            }
            if (f.yearFrom() < 1900 || f.yearTo() < f.yearFrom() || f.yearTo() > 2100) {
                throw new RuleException("The years of a fitment (" + f.yearFrom() + "–" + f.yearTo() + ") are not a range.");
            }
        }
        for (CrossReference x : part.crossReferences()) {
            if (x.kind() == null || x.brand() == null || x.brand().isBlank() || Part.numberKey(x.number()).isEmpty()) {
                throw new RuleException("A cross-reference needs a kind, a brand and a number.");
            }
        }
    }

    private static Optional<UUID> findId(Connection c, String brand, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM part WHERE number_key = ? AND UPPER(brand) = UPPER(?)")) {
            select.setString(1, key);
            select.setString(2, brand);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static void ensureBarcodeFree(Connection c, Part part) throws SQLException {
        if (part.barcode() == null || part.barcode().isBlank()) {
            return;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT part_number FROM part WHERE barcode = ? AND id <> ?")) {
            select.setString(1, part.barcode().trim());
            select.setObject(2, part.id());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    throw new RuleException("The barcode " + part.barcode().trim() + " already belongs to part "
                            + rows.getString(1) + ".");
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Part part, String key) throws SQLException {
        statement.setObject(1, part.id());
        statement.setString(2, part.partNumber().trim());
        statement.setString(3, key);
        statement.setString(4, part.brand().trim());
        statement.setString(5, part.name().trim());
        statement.setString(6, part.category().trim());
        statement.setString(7, part.barcode() == null || part.barcode().isBlank() ? null : part.barcode().trim());
        statement.setLong(8, part.costMinor());
        statement.setLong(9, part.priceMinor());
        statement.setBoolean(10, part.taxable());
        statement.setString(11, part.defaultBin() == null || part.defaultBin().isBlank() ? "MAIN"
                : part.defaultBin().trim().toUpperCase(Locale.ROOT));
        statement.setInt(12, part.minQty());
        statement.setInt(13, part.maxQty());
        statement.setInt(14, part.reorderPoint());
        statement.setString(15, " " + String.join(" ", searchWords(part)) + " ");
    }

    /** The words a text search finds the part by: of its name, brand and category. */
    private static Set<String> searchWords(Part part) {
        return words(part.name() + " " + part.brand() + " " + part.category());
    }

    private static void writeDetails(Connection c, Part part) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "MERGE INTO part_cross_reference (part_id, kind, brand, number, number_key) KEY (part_id, brand, number_key) VALUES (?, ?, ?, ?, ?)")) {
            for (CrossReference x : part.crossReferences()) {
                insert.setObject(1, part.id());
                insert.setString(2, x.kind().name());
                insert.setString(3, x.brand().trim());
                insert.setString(4, x.number().trim());
                insert.setString(5, Part.numberKey(x.number()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO part_fitment (part_id, make, model, year_from, year_to, engine) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Fitment f : part.fitments()) {
                insert.setObject(1, part.id());
                insert.setString(2, f.make().trim().toUpperCase(Locale.ROOT));
                insert.setString(3, f.model().trim().toUpperCase(Locale.ROOT));
                insert.setInt(4, f.yearFrom());
                insert.setInt(5, f.yearTo());
                insert.setString(6, f.engine() == null ? "" : f.engine().trim());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Set<String> words = searchWords(part);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO part_word (word, part_id) VALUES (?, ?)")) {
            for (String word : words) {
                insert.setString(1, word);
                insert.setObject(2, part.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Part load(Connection c, PartSummary s) throws SQLException {
        List<CrossReference> references = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT kind, brand, number FROM part_cross_reference WHERE part_id = ? ORDER BY kind, brand, number")) {
            select.setObject(1, s.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    references.add(new CrossReference(CrossReference.Kind.valueOf(rows.getString(1)), rows.getString(2),
                            rows.getString(3)));
                }
            }
        }
        List<Fitment> fitments = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT make, model, year_from, year_to, engine FROM part_fitment WHERE part_id = ? ORDER BY make, model, year_from")) {
            select.setObject(1, s.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fitments.add(new Fitment(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4),
                            rows.getString(5)));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT min_qty, max_qty, reorder_point FROM part WHERE id = ?")) {
            select.setObject(1, s.id());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Part(s.id(), s.partNumber(), s.brand(), s.name(), s.category(), s.barcode(), s.costMinor(),
                        s.priceMinor(), s.taxable(), s.defaultBin(), rows.getInt(1), rows.getInt(2), rows.getInt(3),
                        references, fitments);
            }
        }
    }

    /**
     * The first {@code limit} parts matching {@code where} in {@code order}, with their stock. The parts are chosen
     * and sorted by one select of their ids and the stock summed by a second for those alone: summed in the same
     * select, it was computed for every match (thousands for a common word or make) before the sort kept 200, and
     * H2 planned the word lookups worse when the choice was a derived table of that select.
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

    static List<PartSummary> summaries(Connection c, String sql, List<?> parameters, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql + " LIMIT " + Math.max(1, limit))) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<PartSummary> parts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.add(new PartSummary(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8),
                            rows.getBoolean(9), rows.getString(10), rows.getInt(11)));
                }
            }
            return parts;
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static JsonObject toJson(Part part, Map<String, Long> stamps, Staff by) {
        JsonArrayBuilder references = JSON.createArrayBuilder();
        part.crossReferences().forEach(x -> references.add(JSON.createObjectBuilder()
                .add("kind", x.kind().name()).add("brand", x.brand()).add("number", x.number())));
        JsonArrayBuilder fitments = JSON.createArrayBuilder();
        part.fitments().forEach(f -> fitments.add(JSON.createObjectBuilder().add("make", f.make()).add("model", f.model())
                .add("yearFrom", f.yearFrom()).add("yearTo", f.yearTo()).add("engine", f.engine() == null ? "" : f.engine())));
        return JSON.createObjectBuilder()
                .add("partId", part.id().toString())
                .add("partNumber", part.partNumber())
                .add("brand", part.brand())
                .add("name", part.name())
                .add("category", part.category())
                .add("barcode", part.barcode() == null ? "" : part.barcode())
                .add("costMinor", part.costMinor())
                .add("priceMinor", part.priceMinor())
                .add("taxable", part.taxable())
                .add("crossReferences", references)
                .add("fitments", fitments)
                .add("staff", by.username())
                .add("stamps", FieldStamps.json(stamps))
                .build();
    }
}
