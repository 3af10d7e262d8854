package org.clutch.platform;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * them into someone else's transaction; the container hands this interceptor and the persistence unit (whose
 * reads go through the transaction's connection, persistence.xml) the same connection within a transaction.
 * A nested call that states what the transaction already has (the MDB calling the dispatcher) sends nothing; a
 * nested call that stated something else restores the caller's scope when it returns.
 */
public class RowScope {

    private static final String STATE = "SELECT set_config('clutch.scope', ?, true), set_config('clutch.tenant_id', ?, true), "
            + "set_config('clutch.customer_id', ?, true), set_config('clutch.user_id', ?, true)";

    /** What was last stated in a transaction. */
    private record Stated(String scope, UUID tenantId, UUID customerId, UUID userId) {
    }

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    DataSource dataSource;

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

    private void enter(InvocationContext call) throws SQLException {
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
    private void restore(Stated before) throws SQLException {
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

    private void state(String scope, UUID tenantId, UUID customerId, UUID userId) throws SQLException {
        Stated wanted = new Stated(scope, tenantId, customerId, userId);
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && wanted.equals(transaction.getResource(Stated.class))) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(STATE)) {
            s.setString(1, scope);
            s.setString(2, text(tenantId));
            s.setString(3, text(customerId));
            s.setString(4, text(userId));
            s.execute();
        }
        if (inTransaction) {
            transaction.putResource(Stated.class, wanted);
        }
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
