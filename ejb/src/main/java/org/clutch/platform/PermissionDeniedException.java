package org.clutch.platform;

import jakarta.ejb.ApplicationException;

/** The caller is known but its role does not allow this. Answered 403 and changes nothing. */
@ApplicationException(rollback = true)
public class PermissionDeniedException extends RuntimeException {

    public PermissionDeniedException(String reason) {
        super(reason);
    }
}
