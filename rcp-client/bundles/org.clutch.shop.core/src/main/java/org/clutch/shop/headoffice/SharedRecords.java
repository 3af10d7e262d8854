package org.clutch.shop.headoffice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.staff.Staff;

/**
 * Records this desktop keeps and head office may change too (the catalog's parts, the customers), as
 * {@link HeadOfficeEdits} merges and reviews them: how to read one with its stamps, write head office's values into it
 * and make a new edit of it here.
 */
public interface SharedRecords {

    EditConflict.Subject subject();

    /** The inbox type of head office's change ({@link org.clutch.jms.ShopInboxTypes}). */
    String changeType();

    /** The payload field that holds the record's id. */
    String keyField();

    /** The fields head office may change, named as in the payloads; a change of any other is not taken. */
    List<String> editableCentrally();

    /** The record's shared values and stamps, locked for the caller's change; empty when it is not known here. */
    Optional<Stamped> lock(Connection c, UUID id) throws SQLException;

    /** Writes head office's merged values and the stamps after the merge; no outbox event (head office has them). */
    void overwrite(Connection c, UUID id, Map<String, Object> values, Map<String, Long> stamps, Instant now) throws SQLException;

    /**
     * Sets one field as a new edit of this shop, with the rules of any edit here (a price or a credit limit needs a
     * manager); it goes to head office with the next sync.
     */
    void edit(Connection c, UUID id, String field, Object value, Staff by) throws SQLException;

    /** A field's value from its stored text (as {@link EditConflict} holds it). */
    Object parse(String field, String stored);

    /** What a person calls the record now, or empty when it is gone. */
    Optional<String> label(Connection c, UUID id) throws SQLException;

    /** A record's shared values ({@code label} names it) and each field's stamp. */
    record Stamped(String label, Map<String, Object> values, Map<String, Long> stamps) {
    }
}
