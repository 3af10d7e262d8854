package org.clutch.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clutch.platform.InvalidInputException;

/**
 * One batch of a supplier's catalog feed ({@code catalog.feed} version 1, docs/partners/schemas): items to add or
 * update, parts to remove, and for a full feed, the mark of its last batch, after which whatever the feed did not
 * list is withdrawn. A batch applies whole or not at all. Its own fields are checked by Bean Validation, its items
 * by {@link Item#problems}.
 */
public record CatalogFeed(
        @NotBlank @Size(max = 100) String feedId,
        @NotNull Mode mode,
        @NotNull @Min(1) Integer batch,
        boolean lastBatch,
        @NotNull @Size(max = MAX_ITEMS) List<Item> items,
        @Size(max = MAX_ITEMS) List<@NotNull @Valid PartKey> removed) {

    /** A batch of 10,000 items applies atomically (about 5 MB of JSON, under 2 s here). */
    public static final int MAX_ITEMS = 10_000;

    /** What is wrong with the batch's items, each under "items[i]."; its own fields are Bean Validation's. */
    public List<InvalidInputException.FieldError> itemProblems() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                errors.add(new InvalidInputException.FieldError("items[" + i + "]", "must not be null"));
            } else {
                errors.addAll(items.get(i).problems("items[" + i + "]."));
            }
        }
        return errors;
    }

    public enum Mode {
        /** The whole catalog, in one or more batches: parts it does not list are withdrawn after its last batch. */
        FULL,
        /** Changes only: the items listed are added or replaced, the ones in {@code removed} withdrawn. */
        INCREMENTAL
    }

    public record PartKey(@NotBlank @Size(max = 64) String partNumber, @NotBlank @Size(max = 100) String brand) {
    }

    /**
     * A part as the supplier sells it (PIES-like). Its rules are checked by {@link #problems} rather than by Bean
     * Validation annotations: a batch holds up to 10,000 items, and the validator made checking them a large share of
     * applying a batch (docs/benchmarks.md). The field errors read as the validator's would.
     */
    public record Item(String partNumber, String brand, String description, Map<String, String> attributes, Price price,
            List<String> interchangeNumbers, List<Fitment> fitment) {

        PartKey key() {
            return new PartKey(partNumber, brand);
        }

        /** What is wrong with the item, each field under {@code at} ("items[17]."); empty when it may be applied. */
        public List<InvalidInputException.FieldError> problems(String at) {
            Problems found = new Problems(at);
            found.text("partNumber", partNumber, 64, true);
            found.text("brand", brand, 100, true);
            found.text("description", description, 500, true);
            if (attributes != null) {
                found.size("attributes", attributes.size(), 50);
                attributes.forEach((name, value) -> {
                    found.text("attributes[" + name + "]", name, 60, true);
                    found.text("attributes[" + name + "]", value, 200, false);
                    found.required("attributes[" + name + "]", value);
                });
            }
            if (found.required("price", price)) {
                price.check(found, "price.");
            }
            if (interchangeNumbers != null) {
                found.size("interchangeNumbers", interchangeNumbers.size(), 50);
                for (int i = 0; i < interchangeNumbers.size(); i++) {
                    found.text("interchangeNumbers[" + i + "]", interchangeNumbers.get(i), 64, true);
                }
            }
            if (fitment != null) {
                found.size("fitment", fitment.size(), 200);
                for (int i = 0; i < fitment.size(); i++) {
                    if (found.required("fitment[" + i + "]", fitment.get(i))) {
                        fitment.get(i).check(found, "fitment[" + i + "].");
                    }
                }
            }
            return found.errors;
        }
    }

    /** List and net price (net: the price to shops, where the supplier gives one), up to numeric(14,2). */
    public record Price(String currency, BigDecimal list, BigDecimal net) {

        private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("[A-Z]{3}");

        void check(Problems found, String at) {
            if (found.required(at + "currency", currency) && !CURRENCY.matcher(currency).matches()) {
                found.add(at + "currency", "must be a three-letter ISO 4217 code");
            }
            if (found.required(at + "list", list)) {
                found.amount(at + "list", list);
            }
            if (net != null) {
                found.amount(at + "net", net);
            }
        }
    }

    /** A vehicle the part fits (ACES-like). */
    public record Fitment(String make, String model, Integer yearFrom, Integer yearTo, String engine, String position) {

        /** The last model year it fits: the first when none is given. */
        public int lastYear() {
            return yearTo == null ? yearFrom : yearTo;
        }

        void check(Problems found, String at) {
            found.text(at + "make", make, 60, true);
            found.text(at + "model", model, 60, true);
            if (found.required(at + "yearFrom", yearFrom)) {
                found.year(at + "yearFrom", yearFrom);
            }
            if (yearTo != null) {
                found.year(at + "yearTo", yearTo);
            }
            if (yearFrom != null && yearTo != null && yearTo < yearFrom) {
                found.add(at + "yearRangeOrdered", "yearTo must not be before yearFrom");
            }
            found.text(at + "engine", engine, 60, false);
            found.text(at + "position", position, 40, false);
        }
    }

    /** The field errors of one item, in the validator's words. */
    static final class Problems {

        private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

        private final String at;
        private final List<InvalidInputException.FieldError> errors = new ArrayList<>(0);

        Problems(String at) {
            this.at = at;
        }

        void add(String field, String message) {
            errors.add(new InvalidInputException.FieldError(at + field, message));
        }

        boolean required(String field, Object value) {
            if (value == null) {
                add(field, "must not be null");
            }
            return value != null;
        }

        /** Text of at most {@code max} characters; {@code mandatory}: present and not blank. */
        void text(String field, String value, int max, boolean mandatory) {
            if (value == null || value.isBlank()) {
                if (mandatory) {
                    add(field, "must not be blank");
                }
            } else if (value.length() > max) {
                add(field, "size must be between 0 and " + max);
            }
        }

        void size(String field, int size, int max) {
            if (size > max) {
                add(field, "size must be between 0 and " + max);
            }
        }

        /** An amount the catalog can hold: not negative, up to 12 whole digits and 2 decimals (numeric(14,2)). */
        void amount(String field, BigDecimal value) {
            if (value.signum() < 0) {
                add(field, "must be greater than or equal to 0");
            }
            if (value.abs().compareTo(MAX_AMOUNT) >= 0 || value.stripTrailingZeros().scale() > 2) {
                add(field, "must have at most 12 digits before the decimal point and 2 after");
            }
        }

        void year(String field, int year) {
            if (year < 1900) {
                add(field, "must be greater than or equal to 1900");
            } else if (year > 2100) {
                add(field, "must be less than or equal to 2100");
            }
        }
    }
}
