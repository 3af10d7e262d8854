package org.clutch.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Finds accounts by e-mail, the one way a person names their account. */
@ApplicationScoped
public class UserAccounts {

    @PersistenceContext
    EntityManager em;

    /** The account with this e-mail, compared as {@link UserAccount#normalizeEmail} makes it. */
    Optional<UserAccount> byEmail(String email) {
        return em.createQuery("select a from UserAccount a where lower(a.email) = :e", UserAccount.class)
                .setParameter("e", UserAccount.normalizeEmail(email)).getResultStream().findFirst();
    }
}
