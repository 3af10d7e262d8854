package org.clutch.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * For nullable uuid columns: EclipseLink 4's built-in UUID conversion fails on SQL NULL. The PostgreSQL driver
 * reads and binds java.util.UUID itself, so this passes values through and keeps null as null.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        return value == null ? null : value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}
