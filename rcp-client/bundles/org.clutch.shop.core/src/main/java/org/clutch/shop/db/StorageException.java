package org.clutch.shop.db;

import java.sql.SQLException;

/** The local database failed; the work it was part of was rolled back. */
public class StorageException extends RuntimeException {

    public StorageException(SQLException cause) {
        super("The shop database failed: " + cause.getMessage(), cause);
    }
}
