package org.clutch.shop.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.clutch.jms.CatalogFields;
import org.clutch.shop.common.RuleException;
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
        return database.inTransaction(c -> save(c, part, by));
    }

    /**
     * Saves on the caller's connection: for imports that apply many rows in one transaction. Each shared field the
     * save changes gets a new stamp of the shop's edit clock (see {@link FieldStamps}); the event carries every
     * field's stamp, so head office keeps, field by field, the later of its edit and this one.
     */
    public Part save(Connection c, Part part, Staff by) throws SQLException {
        part.check();
        Instant now = clock.instant();
        UUID id = part.id() != null ? part.id()
                : PartStore.findId(c, part.brand().trim(), Part.numberKey(part.partNumber())).orElse(null);
        Part saved = part.withId(id == null ? UUID.randomUUID() : id);
        PartStore.Stamped before = id == null ? null : PartStore.stamped(c, id);
        saved.managerNeededOver(before == null ? null : before.values()).ifPresent(by::requireManager);
        Optional<String> holder = PartStore.barcodeHolder(c, saved);
        if (holder.isPresent()) {
            throw new RuleException("The barcode " + saved.storedBarcode() + " already belongs to part " + holder.get() + ".");
        }
        Map<String, Long> stamps;
        if (before == null) {
            stamps = FieldStamps.allAt(CatalogFields.ALL, database.editClock(clock).tick());
            PartStore.insert(c, saved, stamps, now);
        } else {
            stamps = FieldStamps.restamp(before.values(), before.stamps(), saved.sharedValues(),
                    database.editClock(clock)::tick);
            PartStore.overwrite(c, saved, stamps, now);
        }
        Outbox.record(c, CatalogEvents.PART_SAVED, CatalogEvents.PART_SAVED_VERSION, saved.id(),
                CatalogEvents.partSaved(saved, stamps, by), now);
        return saved;
    }

    public Optional<Part> get(UUID id) {
        return database.read(c -> PartStore.get(c, id));
    }

    /** The part as a search hit shows it, with its stock over all bins. */
    public Optional<PartSummary> summary(UUID id) {
        return database.read(c -> PartStore.summary(c, id));
    }

    public Optional<PartSummary> findByBarcode(String barcode) {
        if (barcode == null || barcode.isBlank()) {
            return Optional.empty();
        }
        return database.read(c -> PartSearch.byBarcode(c, barcode.trim()).stream().findFirst());
    }

    /**
     * What a scanner or a typed number means exactly: the part with this barcode alone, else the parts with this
     * part or cross-reference number (several brands can share one); empty when nothing matches exactly.
     */
    public List<PartSummary> findExact(String text) {
        return findByBarcode(text).map(List::of).orElseGet(() -> findByNumber(text));
    }

    /**
     * The part a customer asking for this number (or one of its cross-references) would be given: of the shop's parts
     * under the number, the one with the most stock. Empty when the shop lists none (or the number is null).
     */
    public Optional<PartSummary> mostStockedByNumber(String number) {
        return number == null ? Optional.empty() : findByNumber(number).stream().max(Comparator.comparingInt(PartSummary::onHand));
    }

    /** Parts whose own number or a cross-reference is exactly this number (separators and case ignored). */
    public List<PartSummary> findByNumber(String number) {
        String key = Part.numberKey(number);
        return key.isEmpty() ? List.of() : database.read(c -> PartSearch.byNumberKey(c, key, DEFAULT_LIMIT));
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
            database.read(c -> PartSearch.byNumberPrefix(c, key, limit)).forEach(p -> hits.putIfAbsent(p.id(), p));
        }
        Set<String> words = Part.words(text);
        if (hits.size() < limit && !words.isEmpty()) {
            database.read(c -> PartSearch.byWords(c, words, limit)).forEach(p -> hits.putIfAbsent(p.id(), p));
        }
        return hits.values().stream().limit(limit).toList();
    }

    /** Parts that fit a vehicle, optionally narrowed by words ("brake pad"). */
    public List<PartSummary> searchByVehicle(String make, String model, int year, String words, int limit) {
        if (make == null || make.isBlank() || model == null || model.isBlank()) {
            throw new RuleException("Choose the vehicle's make and model.");
        }
        List<Object> vehicle = List.of(make.trim().toUpperCase(Locale.ROOT), model.trim().toUpperCase(Locale.ROOT));
        return database.read(c -> PartSearch.fitting(c, "f.make = ? AND f.model = ?", vehicle, year, Part.words(words), limit));
    }

    /**
     * Parts listed for any model of a make in a model year: what a car's VIN alone allows (it tells the maker and the
     * year, not the model), optionally narrowed by words.
     */
    public List<PartSummary> searchByMakeAndYear(String make, int year, String words, int limit) {
        if (make == null || make.isBlank()) {
            throw new RuleException("Choose the vehicle's make.");
        }
        List<Object> vehicle = List.of(make.trim().toUpperCase(Locale.ROOT));
        return database.read(c -> PartSearch.fitting(c, "f.make = ?", vehicle, year, Part.words(words), limit));
    }

    public List<String> makes() {
        return database.read(c -> PartStore.strings(c, "SELECT DISTINCT make FROM part_fitment ORDER BY make"));
    }

    public List<String> categories() {
        return database.read(c -> PartStore.strings(c, "SELECT DISTINCT category FROM part ORDER BY category"));
    }

    /** The part with this brand and number, read on the caller's connection (imports match rows this way). */
    public Optional<Part> find(Connection c, String brand, String partNumber) throws SQLException {
        Optional<UUID> id = idOf(c, brand, partNumber);
        return id.isEmpty() ? Optional.empty() : PartStore.get(c, id.get());
    }

    /** The id of the part with this brand (case ignored) and number (separators ignored), on the caller's connection. */
    public Optional<UUID> idOf(Connection c, String brand, String partNumber) throws SQLException {
        return PartStore.findId(c, brand.trim(), Part.numberKey(partNumber));
    }

    /** Every active part with its cross-references and fitment (an export reads the whole catalog this way). */
    public void forEachPart(Consumer<Part> action) {
        database.read(c -> {
            PartStore.forEachPart(c, action);
            return null;
        });
    }

    public int count() {
        return database.read(PartStore::countActive);
    }
}
