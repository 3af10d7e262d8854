package org.clutch.tenancy;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Looks up development identities by user name. */
@Stateless
public class IdentityDirectory {

    @PersistenceContext
    EntityManager em;

    public Optional<DevIdentity> findByUsername(String username) {
        return em.createQuery("select i from DevIdentity i where i.username = :u", DevIdentity.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }
}
