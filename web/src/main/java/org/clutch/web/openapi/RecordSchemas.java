package org.clutch.web.openapi;

import org.clutch.catalog.CatalogFeed;
import org.clutch.marketplace.NewPartsRequest;
import org.clutch.marketplace.QuoteSubmission;
import org.clutch.sync.CustomerEdit;
import org.clutch.sync.PartEdit;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Documents the request bodies that the business defines (in the ejb jar, which the server's OpenAPI scanner does not
 * read) as schemas made from the records themselves, so that the document names the fields the server reads. A resource
 * refers to one with {@code @Schema(ref = "NewPartsRequest")}.
 */
final class RecordSchemas {

    /** The bodies documented here; each record's nested records are documented with it. */
    private static final List<Class<? extends Record>> BODIES = List.of(NewPartsRequest.class, QuoteSubmission.class,
            PartEdit.class, CustomerEdit.class, CatalogFeed.class);

    private RecordSchemas() {
    }

    /** Adds the schema of every body documented here to the model's components. */
    static void documentAll(OpenAPI model) {
        BODIES.forEach(body -> document(model, body));
    }

    /** A schema's name: the record's, after the records it is nested in (NewPartsRequestLineInput, QuoteSubmissionLineInput). */
    private static String name(Class<?> record) {
        Class<?> enclosing = record.getEnclosingClass();
        return enclosing == null ? record.getSimpleName() : name(enclosing) + record.getSimpleName();
    }

    /** Adds the record's schema (and its nested records') to the model's components. */
    private static void document(OpenAPI model, Class<?> record) {
        if (model.getComponents().getSchemas() != null && model.getComponents().getSchemas().containsKey(name(record))) {
            return;
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        model.getComponents().addSchema(name(record), schema);
        for (RecordComponent component : record.getRecordComponents()) {
            schema.addProperty(component.getName(), schemaOf(model, component.getGenericType()));
        }
    }

    private static Schema schemaOf(OpenAPI model, Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(schemaOf(model, generic.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                        .additionalPropertiesSchema(schemaOf(model, generic.getActualTypeArguments()[1]));
            }
            return schemaOf(model, raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (c == UUID.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid");
        }
        if (c == OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class || c == Short.class
                || c == BigInteger.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (c == BigDecimal.class || c == Double.class || c == double.class || c == Float.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (c == Boolean.class || c == boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (c.isEnum()) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING)
                    .enumeration(Arrays.stream(c.getEnumConstants()).map(e -> (Object) ((Enum<?>) e).name()).toList());
        }
        if (c.isRecord()) {
            document(model, c);
            return OASFactory.createSchema().ref(name(c));
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
}
