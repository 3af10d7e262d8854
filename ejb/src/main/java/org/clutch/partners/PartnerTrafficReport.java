package org.clutch.partners;

import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

import org.clutch.platform.Actor;
import org.clutch.platform.NativeValues;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

/** Per-partner traffic for platform admins, from the record of every message a partner sent. */
@Interceptors(RowScope.class)
@Stateless
public class PartnerTrafficReport {

    private static final int RECENT = 20;

    @PersistenceContext
    EntityManager em;

    public List<PartnerTraffic> all(Actor actor) {
        actor.require(Role.PLATFORM_ADMIN);
        List<?> partners = em.createNativeQuery("SELECT id FROM tenant WHERE kind = 'PARTNER' ORDER BY name, id").getResultList();
        return partners.stream().map(id -> traffic((UUID) id)).toList();
    }

    public PartnerTraffic of(Actor actor, UUID tenantId) {
        actor.require(Role.PLATFORM_ADMIN);
        return traffic(tenantId);
    }

    private PartnerTraffic traffic(UUID tenantId) {
        List<?> named = em.createNativeQuery("SELECT name FROM tenant WHERE id = ? AND kind = 'PARTNER'").setParameter(1, tenantId)
                .getResultList();
        if (named.isEmpty()) {
            throw new NotFoundException("partner " + tenantId);
        }
        Object[] counts = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE outcome = 'APPLIED'), "
                + "count(*) FILTER (WHERE outcome = 'REJECTED'), max(received_at) FROM partner_message WHERE tenant_id = ?")
                .setParameter(1, tenantId).getSingleResult();
        List<?> rows = em.createNativeQuery("SELECT message_id, type, received_at, code, reason FROM partner_message "
                + "WHERE tenant_id = ? AND outcome = 'REJECTED' ORDER BY received_at DESC, message_id LIMIT " + RECENT)
                .setParameter(1, tenantId).getResultList();
        List<PartnerTraffic.Refusal> refusals = rows.stream().map(r -> (Object[]) r).map(r -> new PartnerTraffic.Refusal(
                (String) r[0], (String) r[1], NativeValues.time(r[2]), (String) r[3], (String) r[4])).toList();
        return new PartnerTraffic(tenantId, (String) named.get(0), ((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(), NativeValues.time(counts[2]), refusals);
    }
}
