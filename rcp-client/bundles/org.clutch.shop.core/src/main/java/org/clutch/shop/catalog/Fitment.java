package org.clutch.shop.catalog;

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
}
