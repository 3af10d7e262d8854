package org.clutch.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native query rows as the domain types: the JDBC driver's types differ with the column and the driver. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A timestamp column as an instant in UTC; null stays null. */
    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }
}
