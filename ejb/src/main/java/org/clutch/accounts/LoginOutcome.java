package org.clutch.accounts;

import java.time.Duration;

/** How a login attempt ended. A refused one says nothing about whether the account exists. */
public sealed interface LoginOutcome {

    record Granted(TokenPair tokens) implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }

    /** Too many failures for this account name or this address: wait, even with the right password. */
    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
