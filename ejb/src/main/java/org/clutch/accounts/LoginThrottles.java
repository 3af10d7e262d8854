package org.clutch.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The failed-login counters and their limits, shared by everything that checks a secret a person types (password,
 * authenticator code, backup code): a guess at any of them counts against the same account.
 */
@ApplicationScoped
public class LoginThrottles {

    @Inject
    @ConfigProperty(name = "clutch.login.account.max-failures", defaultValue = "5")
    int accountMaxFailures;

    @Inject
    @ConfigProperty(name = "clutch.login.address.max-failures", defaultValue = "20")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "clutch.login.failure-window", defaultValue = "PT15M")
    Duration failureWindow;

    @Inject
    @ConfigProperty(name = "clutch.login.lockout", defaultValue = "PT15M")
    Duration lockout;

    public LoginThrottle.Policy accountPolicy() {
        return new LoginThrottle.Policy(accountMaxFailures, failureWindow, lockout);
    }

    public LoginThrottle.Policy addressPolicy() {
        return new LoginThrottle.Policy(addressMaxFailures, failureWindow, lockout);
    }

    public Duration lockout() {
        return lockout;
    }

    public LoginThrottle forAccount(EntityManager em, String email) {
        return row(em, "account:" + email);
    }

    public LoginThrottle forAddress(EntityManager em, String address) {
        return row(em, "address:" + address);
    }

    /** The throttle row of a key, created on first use and locked for this transaction. */
    private static LoginThrottle row(EntityManager em, String key) {
        String bounded = key.length() > 300 ? key.substring(0, 300) : key;
        em.createNativeQuery("INSERT INTO login_throttle (throttle_key) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, bounded).executeUpdate();
        return em.find(LoginThrottle.class, bounded, LockModeType.PESSIMISTIC_WRITE);
    }
}
