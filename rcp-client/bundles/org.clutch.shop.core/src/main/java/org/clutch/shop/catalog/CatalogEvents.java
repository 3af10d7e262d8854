package org.clutch.shop.catalog;

import static org.clutch.shop.db.JsonDocuments.JSON;

import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.clutch.shop.headoffice.FieldStamps;
import org.clutch.shop.staff.Staff;

/** The catalog's outbox events, as head office reads them. */
final class CatalogEvents {

    static final String PART_SAVED = "catalog.part-saved";
    static final int PART_SAVED_VERSION = 2;

    private CatalogEvents() {
    }

    /** A part as saved, with every shared field's stamp, so head office keeps the later edit field by field. */
    static JsonObject partSaved(Part part, Map<String, Long> stamps, Staff by) {
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
