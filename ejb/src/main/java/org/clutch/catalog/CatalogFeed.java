package org.clutch.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One batch of a supplier's catalog feed ({@code catalog.feed} version 1, docs/partners/schemas): items to add or
 * update, parts to remove, and for a full feed, the mark of its last batch, after which whatever the feed did not
 * list is withdrawn. A batch applies whole or not at all.
 */
public record CatalogFeed(
        @NotBlank @Size(max = 100) String feedId,
        @NotNull Mode mode,
        @NotNull @Min(1) Integer batch,
        boolean lastBatch,
        @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid Item> items,
        @Size(max = MAX_ITEMS) List<@NotNull @Valid PartKey> removed) {

    public static final int MAX_ITEMS = 5_000;

    public enum Mode {
        /** The whole catalog, in one or more batches: parts it does not list are withdrawn after its last batch. */
        FULL,
        /** Changes only: the items listed are added or replaced, the ones in {@code removed} withdrawn. */
        INCREMENTAL
    }

    public record PartKey(@NotBlank @Size(max = 64) String partNumber, @NotBlank @Size(max = 100) String brand) {
    }

    public record Item(
            @NotBlank @Size(max = 64) String partNumber,
            @NotBlank @Size(max = 100) String brand,
            @NotBlank @Size(max = 500) String description,
            @Size(max = 50) Map<@NotBlank @Size(max = 60) String, @NotNull @Size(max = 200) String> attributes,
            @NotNull @Valid Price price,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> interchangeNumbers,
            @Size(max = 200) List<@NotNull @Valid Fitment> fitment) {

        PartKey key() {
            return new PartKey(partNumber, brand);
        }
    }

    public record Price(
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code") String currency,
            @NotNull @DecimalMin("0") @Digits12 BigDecimal list,
            @DecimalMin("0") @Digits12 BigDecimal net) {
    }

    public record Fitment(
            @NotBlank @Size(max = 60) String make,
            @NotBlank @Size(max = 60) String model,
            @NotNull @Min(1900) @Max(2100) Integer yearFrom,
            @Min(1900) @Max(2100) Integer yearTo,
            @Size(max = 60) String engine,
            @Size(max = 40) String position) {

        /** The last model year it fits: the first when none is given. */
        public int lastYear() {
            return yearTo == null ? yearFrom : yearTo;
        }

        @AssertTrue(message = "yearTo must not be before yearFrom")
        public boolean isYearRangeOrdered() {
            return yearFrom == null || yearTo == null || yearTo >= yearFrom;
        }
    }
}
