package org.clutch.shop.catalog;

import java.util.List;
import java.util.stream.Collectors;

import org.clutch.shop.common.RuleException;

/** A vehicle the part fits: make, model, a range of model years and optionally an engine. */
public record Fitment(String make, String model, int yearFrom, int yearTo, String engine) {

    public boolean fits(String make, String model, int year) {
        return this.make.equalsIgnoreCase(make) && this.model.equalsIgnoreCase(model)
                && year >= yearFrom && year <= yearTo;
    }

    public String describe() {
        String years = yearFrom == yearTo ? String.valueOf(yearFrom) : yearFrom + "–" + yearTo;
        return make + " " + model + " " + years + (engine == null || engine.isBlank() ? "" : " " + engine);
    }

    /** {@code make:model:from-to[:engine]}, the form people type and catalog files carry. */
    public String text() {
        return make + ":" + model + ":" + yearFrom + "-" + yearTo + (engine == null || engine.isBlank() ? "" : ":" + engine);
    }

    /** Reads fitments written as {@code make:model:from-to[:engine]} (or one year), separated by semicolons or lines. */
    public static List<Fitment> parseAll(String text) {
        return CatalogText.items(text).stream().map(Fitment::parse).toList();
    }

    public static String textOf(List<Fitment> fitments, String separator) {
        return fitments.stream().map(Fitment::text).collect(Collectors.joining(separator));
    }

    private static Fitment parse(String item) {
        String[] parts = item.split(":", 4);
        try {
            if (parts.length < 3) {
                throw new NumberFormatException();
            }
            String[] years = parts[2].split("-", 2);
            int from = Integer.parseInt(years[0].trim());
            int to = years.length == 2 ? Integer.parseInt(years[1].trim()) : from;
            return new Fitment(parts[0].trim(), parts[1].trim(), from, to, parts.length == 4 ? parts[3].trim() : "");
        } catch (NumberFormatException e) {
            throw new RuleException("Fitment \"" + item + "\" is not make:model:from-to[:engine].");
        }
    }
}
