package org.clutch.sync;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clutch.jms.CatalogFields;
import org.clutch.jms.CustomerFields;
import org.clutch.jms.HybridClock;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a desktop event means centrally. Each event type the backend knows, with the versions it accepts (the current
 * one and the one before), reads its payload here; a payload that does not read is rejected with the field at fault,
 * before anything is written.
 */
sealed interface ShopChange {

    /**
     * The catalog edit or new part: every {@link CatalogFields catalog field}'s value (in {@link CatalogFields#ALL}
     * order; barcode and cost may be null) and stamp. The mirror takes each field whose stamp is later than its own.
     * Version 1 carried no stamps: each field is stamped with the time of the edit.
     */
    record PartSaved(UUID partId, Map<String, Object> values, Map<String, Long> stamps) implements MirroredEdit {
        @Override
        public UUID key() {
            return partId;
        }
    }

    /**
     * A customer saved on the desktop: every {@link CustomerFields customer field}'s value (in
     * {@link CustomerFields#ALL} order; phone and email may be null, the vehicles a JSON array) and stamp. Version 1
     * carried no stamps: each field is stamped with the time of the edit.
     */
    record CustomerSaved(UUID customerId, Map<String, Object> values, Map<String, Long> stamps) implements MirroredEdit {
        @Override
        public UUID key() {
            return customerId;
        }
    }

    /** A customer's records erased on the desktop at their request, by a manager: head office erases its copy too. */
    record CustomerErased(UUID customerId, String staff) implements ShopChange {
    }

    /** A customer's records handed to them on the desktop at their request: for the audit log. */
    record CustomerDataExported(UUID customerId, String staff) implements ShopChange {
    }

    /** An edit of something head office mirrors field by field ({@link MirroredColumns}): its key, values and stamps. */
    sealed interface MirroredEdit extends ShopChange {
        UUID key();

        Map<String, Object> values();

        Map<String, Long> stamps();
    }

    /** A movement of the shop's stock ledger (sale, return, void, receipt, adjustment...). */
    record StockMoved(UUID movementId, UUID partId, String bin, int quantity, String reason, String reference,
            Instant movedAt) implements ShopChange {
    }

    /** A quote written on the desktop, for the marketplace to take or refuse. */
    record QuoteSubmitted(UUID requestId, DesktopQuote submission) implements ShopChange {
    }

    /**
     * A purchase order on the desktop changed status (sent to the supplier, cancelled, received...): the order as it
     * stands, for a supplier that is a partner on the platform (docs/partners).
     */
    record PurchaseOrderChanged(UUID purchaseOrderId, String number, UUID supplierId, String status, JsonObject order)
            implements ShopChange {
    }

    /** The shop moved one of its marketplace orders on a step (PROCESSING, READY, SHIPPED, DELIVERED) on its desktop. */
    record OrderStepRequested(UUID orderId, String step, String carrier, String trackingNumber) implements ShopChange {
    }

    /** A change the backend records as synced but does not mirror yet (sales documents, account entries, suppliers). */
    record Recorded() implements ShopChange {
    }

    /** Event types and the versions accepted of each. */
    Map<String, Set<Integer>> ACCEPTED = Map.ofEntries(
            Map.entry("catalog.part-saved", Set.of(1, 2)),
            Map.entry("inventory.stock-moved", Set.of(1)),
            Map.entry("sales.sale-completed", Set.of(1)),
            Map.entry("sales.sale-voided", Set.of(1)),
            Map.entry("sales.return-completed", Set.of(1)),
            Map.entry("customers.customer-saved", Set.of(1, 2)),
            Map.entry("customers.account-entry", Set.of(1)),
            Map.entry("customers.customer-erased", Set.of(1)),
            Map.entry("customers.customer-data-exported", Set.of(1)),
            Map.entry("purchasing.supplier-saved", Set.of(1)),
            Map.entry("purchasing.supplier-part-saved", Set.of(1)),
            Map.entry("purchasing.goods-received", Set.of(1)),
            Map.entry("purchasing.order-status-changed", Set.of(1)),
            Map.entry(ShopInboxTypes.QUOTE_SUBMITTED, Set.of(1)),
            Map.entry(ShopInboxTypes.ORDER_STEP, Set.of(1)));

    /** @throws IllegalArgumentException with a reason fit for the rejected-events queue */
    static ShopChange of(SyncEvent event) {
        Set<Integer> versions = ACCEPTED.get(event.type());
        if (versions == null) {
            throw new IllegalArgumentException("unknown event type " + event.type());
        }
        if (!versions.contains(event.version())) {
            throw new IllegalArgumentException(event.type() + " version " + event.version() + " is not accepted (accepted: "
                    + versions + ")");
        }
        JsonObject payload = parse(event.payload());
        return switch (event.type()) {
            case "catalog.part-saved" -> partSaved(payload, event);
            case "customers.customer-saved" -> customerSaved(payload, event);
            case "customers.customer-erased" -> new CustomerErased(uuid(payload, "customerId"), text(payload, "staff", 100));
            case "customers.customer-data-exported" -> new CustomerDataExported(uuid(payload, "customerId"),
                    text(payload, "staff", 100));
            case "inventory.stock-moved" -> new StockMoved(uuid(payload, "movementId"), uuid(payload, "partId"),
                    text(payload, "bin", 32), nonZero(payload, "quantity"), text(payload, "reason", 20),
                    optionalText(payload, "reference", 64), instant(payload, "movedAt"));
            case ShopInboxTypes.QUOTE_SUBMITTED -> new QuoteSubmitted(uuid(payload, "requestId"), quote(payload));
            case "purchasing.order-status-changed" -> new PurchaseOrderChanged(uuid(payload, "purchaseOrderId"),
                    text(payload, "number", 40), uuid(payload, "supplierId"), text(payload, "status", 20), payload);
            case ShopInboxTypes.ORDER_STEP -> new OrderStepRequested(uuid(payload, "orderId"), text(payload, "step", 16),
                    optionalText(payload, "carrier", 100), optionalText(payload, "trackingNumber", 100));
            default -> new Recorded();
        };
    }

    private static PartSaved partSaved(JsonObject payload, SyncEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CatalogFields.PART_NUMBER, text(payload, "partNumber", 64));
        values.put(CatalogFields.BRAND, text(payload, "brand", 100));
        values.put(CatalogFields.NAME, text(payload, "name", 200));
        values.put(CatalogFields.CATEGORY, text(payload, "category", 100));
        values.put(CatalogFields.BARCODE, optionalText(payload, "barcode", 32));
        values.put(CatalogFields.COST, payload.containsKey("costMinor") ? wholeNumber(payload, "costMinor") : null);
        values.put(CatalogFields.PRICE, wholeNumber(payload, "priceMinor"));
        values.put(CatalogFields.TAXABLE, bool(payload, "taxable"));
        return new PartSaved(uuid(payload, "partId"), Collections.unmodifiableMap(values),
                stamps(payload, event, CatalogFields.ALL));
    }

    /**
     * Each field's stamp: version 1 of an edit carried none, so every field counts as set when the edit was made; later
     * versions carry {@code stamps}, one per field.
     */
    private static Map<String, Long> stamps(JsonObject payload, SyncEvent event, List<String> fields) {
        Map<String, Long> stamps = new LinkedHashMap<>();
        if (event.version() == 1) {
            fields.forEach(f -> stamps.put(f, HybridClock.of(event.occurredAt())));
            return Map.copyOf(stamps);
        }
        if (!(field(payload, "stamps") instanceof JsonObject given)) {
            throw new IllegalArgumentException("payload field stamps must be an object of a stamp per field");
        }
        for (String f : fields) {
            if (!(given.get(f) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
                throw new IllegalArgumentException("payload field stamps." + f + " must be a positive whole number");
            }
            stamps.put(f, n.longValue());
        }
        return Map.copyOf(stamps);
    }

    /** Vehicles on one customer, at most: a fleet's, not a data dump. */
    static final int MAX_VEHICLES = 500;

    private static CustomerSaved customerSaved(JsonObject payload, SyncEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CustomerFields.NAME, text(payload, "name", CustomerFields.NAME_LENGTH));
        values.put(CustomerFields.PHONE, optionalText(payload, "phone", CustomerFields.PHONE_LENGTH));
        values.put(CustomerFields.EMAIL, optionalText(payload, "email", CustomerFields.EMAIL_LENGTH));
        values.put(CustomerFields.CREDIT_LIMIT, wholeNumber(payload, "creditLimitMinor"));
        if (!(field(payload, "vehicles") instanceof JsonArray vehicles) || vehicles.size() > MAX_VEHICLES
                || !vehicles.stream().allMatch(v -> v instanceof JsonObject)) {
            throw new IllegalArgumentException("payload field vehicles must be a list of at most " + MAX_VEHICLES + " vehicles");
        }
        values.put(CustomerFields.VEHICLES, vehicles.toString());
        return new CustomerSaved(uuid(payload, "customerId"), Collections.unmodifiableMap(values),
                stamps(payload, event, CustomerFields.ALL));
    }

    /** The quote's shape; the marketplace checks it against the request (lines, prices, validity) when it takes it. */
    private static DesktopQuote quote(JsonObject payload) {
        int most = ShopInboxTypes.MAX_REQUEST_LINES;
        if (!(field(payload, "lines") instanceof JsonArray lines) || lines.isEmpty() || lines.size() > most) {
            throw new IllegalArgumentException("payload field lines must be a list of 1 to " + most + " lines");
        }
        List<DesktopQuote.Line> quoted = new ArrayList<>();
        for (JsonValue value : lines) {
            if (!(value instanceof JsonObject line)) {
                throw new IllegalArgumentException("payload field lines must hold objects");
            }
            JsonValue price = line.get("unitPrice");
            quoted.add(new DesktopQuote.Line(uuid(line, "requestLineId"), bool(line, "available"),
                    price == null || price == JsonValue.NULL ? null : amount(line, "unitPrice")));
        }
        String currency = text(payload, "currency", 3);
        long etaHours = wholeNumber(payload, "etaHours");
        if (etaHours > 24 * 365) {
            throw new IllegalArgumentException("payload field etaHours must be at most a year");
        }
        return new DesktopQuote(currency, quoted, amount(payload, "freight"), (int) etaHours,
                instant(payload, "validUntil").atOffset(ZoneOffset.UTC), optionalText(payload, "notes", 1000));
    }

    private static BigDecimal amount(JsonObject payload, String name) {
        if (!(field(payload, name) instanceof JsonNumber n) || n.bigDecimalValue().signum() < 0
                || n.bigDecimalValue().stripTrailingZeros().scale() > 2 || n.bigDecimalValue().precision() > 14) {
            throw new IllegalArgumentException("payload field " + name + " must be an amount, 0 or more, with at most 2 decimals");
        }
        return n.bigDecimalValue();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("payload is not a JSON object: " + e.getMessage());
        }
    }

    private static JsonValue field(JsonObject payload, String name) {
        JsonValue value = payload.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw new IllegalArgumentException("payload field " + name + " is missing");
        }
        return value;
    }

    private static String text(JsonObject payload, String name) {
        return text(payload, name, 100);
    }

    private static String text(JsonObject payload, String name, int maxLength) {
        if (!(field(payload, name) instanceof JsonString s) || s.getString().isBlank()) {
            throw new IllegalArgumentException("payload field " + name + " must be a non-empty string");
        }
        return withinLength(name, s.getString(), maxLength);
    }

    private static String optionalText(JsonObject payload, String name, int maxLength) {
        JsonValue value = payload.get(name);
        return value instanceof JsonString s && !s.getString().isBlank() ? withinLength(name, s.getString(), maxLength) : null;
    }

    private static String withinLength(String name, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("payload field " + name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static UUID uuid(JsonObject payload, String name) {
        try {
            return UUID.fromString(text(payload, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payload field " + name + " must be a UUID");
        }
    }

    private static long wholeNumber(JsonObject payload, String name) {
        if (!(field(payload, name) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw new IllegalArgumentException("payload field " + name + " must be a whole number, 0 or more");
        }
        return n.longValue();
    }

    private static int nonZero(JsonObject payload, String name) {
        if (!(field(payload, name) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() == 0
                || Math.abs(n.longValue()) > 1_000_000) {
            throw new IllegalArgumentException("payload field " + name + " must be a whole number other than 0");
        }
        return n.intValue();
    }

    private static boolean bool(JsonObject payload, String name) {
        JsonValue value = field(payload, name);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new IllegalArgumentException("payload field " + name + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static Instant instant(JsonObject payload, String name) {
        try {
            return Instant.parse(text(payload, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("payload field " + name + " must be an ISO-8601 instant");
        }
    }
}
