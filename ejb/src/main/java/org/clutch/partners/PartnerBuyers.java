package org.clutch.partners;

import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.jms.PartnerMessages;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.PermissionDeniedException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.tenancy.PartnerRole;
import org.clutch.tenancy.Tenant;

import java.util.List;
import java.util.UUID;

/**
 * The marketplace customer a buying partner (a fleet operator, an insurer) acts as, over the broker and over REST
 * alike: made the first time it buys and named after the partner. Works in the platform scope, since the partner's
 * tenant is not the customer's.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class PartnerBuyers {

    @PersistenceContext
    EntityManager em;

    /** The customer a partner's key or account buys as; refused for callers that are not a buying partner. */
    public Actor buyerFor(Actor partner) {
        partner.require(Role.PARTNER);
        Tenant tenant = em.find(Tenant.class, partner.tenant());
        if (tenant == null || !PartnerRole.permit(tenant.partnerRoles(), PartnerMessages.SUBMIT_PARTS_REQUEST)) {
            throw new PermissionDeniedException("only a partner set up as a buyer buys on the marketplace");
        }
        return buyerOf(partner.tenant());
    }

    /** The customer the partner tenant buys as; its roles are the caller's to check. */
    public Actor buyerOf(UUID partner) {
        UUID customer = known(partner);
        if (customer == null) {
            // the first purchase locks the tenant's row, so that two at once make one customer
            List<?> tenant = em.createNativeQuery("SELECT name FROM tenant WHERE id = ? AND kind = 'PARTNER' FOR UPDATE")
                    .setParameter(1, partner).getResultList();
            if (tenant.isEmpty()) {
                throw new PermissionDeniedException("only a partner tenant buys as a partner");
            }
            customer = known(partner);
            if (customer == null) {
                customer = UUID.randomUUID();
                // a tenant's name fits a customer's display name: both hold 200 characters
                em.createNativeQuery("INSERT INTO customer (id, display_name) VALUES (?, ?)").setParameter(1, customer)
                        .setParameter(2, tenant.get(0)).executeUpdate();
                em.createNativeQuery("INSERT INTO partner_buyer (tenant_id, customer_id) VALUES (?, ?)").setParameter(1, partner)
                        .setParameter(2, customer).executeUpdate();
            }
        }
        // the partner's system, acting as its customer: the same rules and the same row-level walls as a car owner's
        return new Actor(partner, Role.CUSTOMER, null, null, customer, null);
    }

    private UUID known(UUID partner) {
        List<?> rows = em.createNativeQuery("SELECT customer_id FROM partner_buyer WHERE tenant_id = ?").setParameter(1, partner)
                .getResultList();
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }
}
