package org.clutch.accounts;

import jakarta.ejb.ApplicationException;
import org.clutch.platform.InvalidInputException;

import java.util.List;

/**
 * A wrong authenticator or backup code: answered as a field error like any bad input, but the transaction commits
 * so that the failure counted against the account stays counted.
 */
@ApplicationException(rollback = false)
public class WrongCodeException extends InvalidInputException {

    public WrongCodeException() {
        super(List.of(new FieldError("code", "is not the current code of your authenticator app")));
    }
}
