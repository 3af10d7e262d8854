package org.clutch.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.TransactionLocks;

import java.util.Optional;

/** Finds accounts by e-mail, the one way a person names their account, and guards an e-mail being taken. */
@ApplicationScoped
public class UserAccounts {

    @PersistenceContext
    EntityManager em;

    /** The account with this e-mail, compared as {@link UserAccount#normalizeEmail} makes it. */
    Optional<UserAccount> byEmail(String email) {
        return em.createQuery("select a from UserAccount a where lower(a.email) = :e", UserAccount.class)
                .setParameter("e", UserAccount.normalizeEmail(email)).getResultStream().findFirst();
    }

    /**
     * Whether the e-mail already has an account, asked under a transaction lock on the e-mail, so that two
     * simultaneous creations (registration, invitation, acceptance) cannot both find it free.
     */
    boolean lockAndCheckTaken(String email) {
        TransactionLocks.lock(em, TransactionLocks.Space.ACCOUNT_EMAIL, email);
        return byEmail(email).isPresent();
    }
}
