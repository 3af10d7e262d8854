package org.clutch.platform;

import jakarta.ejb.ApplicationException;

/**
 * The thing asked for does not exist for this caller. Foreign ids get the same answer as unknown ones, so that
 * an answer never confirms that someone else's record exists.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
