package org.clutch.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.clutch.platform.Actor;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes the audit log within the caller's transaction (so an entry exists exactly when what it records
 * happened) and lets admins read it: tenant admins their own tenant's entries, platform admins everyone's.
 */
@Interceptors(RowScope.class)
@Stateless
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void record(AuditEntry entry) {
        em.persist(new AuditEvent(entry, OffsetDateTime.now(clock)));
        LOG.info(() -> "event=audit action=" + entry.action() + " tenant=" + entry.tenantId() + " user=" + entry.actorUserId()
                + " target=" + entry.targetId());
    }

    public Page<AuditEventView> search(Actor actor, AuditQuery query, int page, int size) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        UUID tenant = actor.isPlatformAdmin() ? query.tenantId() : actor.tenant();
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        condition(where, parameters, "e.tenantId = :tenant", "tenant", tenant);
        condition(where, parameters, "e.action = :action", "action", query.action());
        condition(where, parameters, "e.actorUserId = :actorUser", "actorUser", query.actorUserId());
        condition(where, parameters, "e.occurredAt >= :from", "from", query.from());
        condition(where, parameters, "e.occurredAt < :to", "to", query.to());
        TypedQuery<AuditEvent> items = em.createQuery("select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        var views = items.setFirstResult(Page.firstResult(page, size)).setMaxResults(Page.clampSize(size)).getResultStream()
                .map(AuditEvent::view).toList();
        return new Page<>(views, Math.max(page, 0), Page.clampSize(size), count.getSingleResult());
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
