package org.clutch.platform;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;

/**
 * The interceptor ({@code @Interceptors(RowScope.class)}) of every EJB that touches tenant-owned rows. (Not a
 * default interceptor: ejb-jar.xml in a jar under WEB-INF/lib is ignored.) It tells PostgreSQL, for the current
 * transaction only, whom the work is for, so that row-level security (V2 migration) shows a tenant's rows to
 * that tenant alone even if a query forgets its filter. Beans marked {@link ForAllTenants} work in the platform scope; other calls in
 * the scope of their {@link Actor} argument (platform admins in the platform scope); calls with neither keep
 * what an outer call set.
 * <p>
 * The settings are transaction-local ({@code set_config(..., true)}), so a pooled connection never carries
 * them into someone else's transaction. They go through the persistence unit's own connection (whose reads go
 * through the transaction's connection, persistence.xml): asking the pool for a second handle while the persistence
 * unit holds the first needs a free connection for a moment, and a call that holds a row lock while every pooled
 * connection waits for that lock would never get one. The same statement bounds how long the transaction waits for
 * a row lock ({@link TransactionLocks#LOCK_TIMEOUT}).
 * A nested call that states what the transaction already has (the MDB calling the dispatcher) sends nothing; a
 * nested call that stated something else restores the caller's scope when it returns.
 */
public class RowScope {

    private static final String STATE = "SELECT set_config('clutch.scope', ?1, true), set_config('clutch.tenant_id', ?2, true), "
            + "set_config('clutch.customer_id', ?3, true), set_config('clutch.user_id', ?4, true), "
            + "set_config('lock_timeout', '" + TransactionLocks.LOCK_TIMEOUT + "', true)";

    /** What was last stated in a transaction. */
    private record Stated(String scope, UUID tenantId, UUID customerId, UUID userId) {
    }

    @Resource
    TransactionSynchronizationRegistry transaction;

    @PersistenceContext
    EntityManager em;

    @AroundInvoke
    public Object aroundInvoke(InvocationContext call) throws Exception {
        Stated before = transaction.getTransactionKey() == null ? null : (Stated) transaction.getResource(Stated.class);
        enter(call);
        try {
            return call.proceed();
        } finally {
            restore(before);
        }
    }

    @AroundTimeout
    public Object aroundTimeout(InvocationContext call) throws Exception {
        enter(call);
        return call.proceed();
    }

    private void enter(InvocationContext call) {
        if (call.getTarget() != null && call.getTarget().getClass().isAnnotationPresent(ForAllTenants.class)) {
            state("platform", null, null, null);
            return;
        }
        Actor actor = actorOf(call.getParameters());
        if (actor != null) {
            state(actor.isPlatformAdmin() ? "platform" : "", actor.tenantId(), actor.customerId(), actor.userId());
        }
    }

    /**
     * A call that widened the scope (a {@link ForAllTenants} bean observing an order a customer just changed) hands the
     * transaction back in the scope its caller had, so that the rest of the caller's work stays within its walls. What
     * the wider call wrote is flushed first: rows written at commit would be checked in the caller's narrower scope.
     */
    private void restore(Stated before) {
        if (before != null && transaction.getTransactionKey() != null && !before.equals(transaction.getResource(Stated.class))) {
            em.flush();
            state(before.scope(), before.tenantId(), before.customerId(), before.userId());
        }
    }

    private static Actor actorOf(Object[] parameters) {
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (parameter instanceof Actor actor) {
                    return actor;
                }
            }
        }
        return null;
    }

    private void state(String scope, UUID tenantId, UUID customerId, UUID userId) {
        Stated wanted = new Stated(scope, tenantId, customerId, userId);
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && wanted.equals(transaction.getResource(Stated.class))) {
            return;
        }
        em.createNativeQuery(STATE).setParameter(1, scope).setParameter(2, text(tenantId)).setParameter(3, text(customerId))
                .setParameter(4, text(userId)).getSingleResult();
        if (inTransaction) {
            transaction.putResource(Stated.class, wanted);
        }
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
