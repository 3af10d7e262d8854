package org.clutch.accounts;

import java.time.Duration;

/** How a login attempt ended. A refused one says nothing about whether the account exists. */
public sealed interface LoginOutcome {

    record Granted(TokenPair tokens) implements LoginOutcome {
    }

    /**
     * The password was right and a second factor is due: send a code with the challenge. When {@code enrolment} is
     * set the account must first add an authenticator app ({@code secret}, {@code otpauthUri}) and answer with its
     * first code.
     */
    record SecondFactorRequired(String challenge, long expiresIn, boolean enrolment, String secret, String otpauthUri)
            implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }

    /** Too many failures for this account name or this address: wait, even with the right password. */
    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
