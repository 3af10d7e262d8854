package org.clutch.tenancy;

import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Every web origin some tenant lists for its browser apps: the origins the API answers cross-origin calls from. */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class AllowedOrigins {

    @PersistenceContext
    EntityManager em;

    public Set<String> all() {
        Set<String> origins = new HashSet<>();
        for (Object listed : em.createNativeQuery("SELECT allowed_origins FROM tenant WHERE allowed_origins <> ''").getResultList()) {
            origins.addAll(Arrays.asList(((String) listed).split(" ")));
        }
        return origins;
    }
}
