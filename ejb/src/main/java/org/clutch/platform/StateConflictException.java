package org.clutch.platform;

import jakarta.ejb.ApplicationException;

/** An action that the current state of a record does not allow; the message says why in plain words. */
@ApplicationException(rollback = true)
public class StateConflictException extends RuntimeException {

    public StateConflictException(String reason) {
        super(reason);
    }
}
