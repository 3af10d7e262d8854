package org.clutch.platform;

import jakarta.ejb.ApplicationException;

/**
 * An Idempotency-Key sent again with a different request than the one it was first used for: a client bug (one key
 * for two requests), never a retry. Nothing is created; the first request stands.
 */
@ApplicationException(rollback = true)
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key '" + key + "' was used for a different request; a new request needs a new key.");
    }
}
