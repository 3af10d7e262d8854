package org.clutch.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.Actor;
import org.clutch.platform.FilteredQuery;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.OffsetDateTime;
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
        return FilteredQuery.of(em, AuditEvent.class, "e")
                .where("e.tenantId = :tenant", "tenant", tenant)
                .where("e.action = :action", "action", query.action())
                .where("e.actorUserId = :actorUser", "actorUser", query.actorUserId())
                .where("e.occurredAt >= :from", "from", query.from())
                .where("e.occurredAt < :to", "to", query.to())
                .page("e.occurredAt desc, e.id", page, size, AuditEvent::view);
    }
}
