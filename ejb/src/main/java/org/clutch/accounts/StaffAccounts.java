package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.Actor;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.Tenant;

import java.util.List;
import java.util.UUID;

/**
 * A tenant admin's view and control of the tenant's people: list them, change a role (or the shop a shop role works
 * at), disable and enable accounts. A change of role or a disabled account ends the person's sessions at once, so
 * no token carries the old role. Admins cannot change their own account this way, so a tenant always keeps an admin.
 */
@Interceptors(RowScope.class)
@Stateless
public class StaffAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    ActiveSessions sessions;

    @Inject
    AuditTrail audit;

    public List<StaffView> list(Actor actor) {
        actor.require(Role.TENANT_ADMIN);
        return em.createQuery("select a from UserAccount a where a.tenantId = :t order by a.displayName, a.id", UserAccount.class)
                .setParameter("t", actor.tenant()).getResultStream().map(StaffView::of).toList();
    }

    public StaffView changeRole(Actor actor, UUID userId, Role role, UUID shopId, String address) {
        UserAccount account = colleague(actor, userId);
        Tenant tenant = em.find(Tenant.class, actor.tenant());
        StaffInvitations.checkGrant(em, tenant, role, shopId);
        String before = account.role() + (account.shopId() == null ? "" : " at " + account.shopId());
        account.assign(role, shopId);
        int ended = sessions.endAll(account.id(), "role-changed");
        audit.record(AuditEntry.of(AuditAction.ROLE_CHANGED, tenant.id(), actor.userId()).target("user", account.id()).from(address)
                .detail(before + " -> " + role + (shopId == null || !role.isShopRole() ? "" : " at " + shopId) + "; " + ended
                        + " session(s) ended"));
        return StaffView.of(account);
    }

    public StaffView disable(Actor actor, UUID userId, String address) {
        UserAccount account = colleague(actor, userId);
        account.disable();
        int ended = sessions.endAll(account.id(), "account-disabled");
        audit.record(AuditEntry.of(AuditAction.ACCOUNT_DISABLED, actor.tenant(), actor.userId()).target("user", account.id())
                .from(address).detail(ended + " session(s) ended"));
        return StaffView.of(account);
    }

    public StaffView enable(Actor actor, UUID userId, String address) {
        UserAccount account = colleague(actor, userId);
        account.enable();
        audit.record(AuditEntry.of(AuditAction.ACCOUNT_ENABLED, actor.tenant(), actor.userId()).target("user", account.id()).from(address));
        return StaffView.of(account);
    }

    /** Another account of the caller's tenant, locked for the change. */
    private UserAccount colleague(Actor actor, UUID userId) {
        actor.require(Role.TENANT_ADMIN);
        UserAccount account = userId == null ? null : em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !actor.tenant().equals(account.tenantId())) {
            throw new NotFoundException("user " + userId);
        }
        if (account.id().equals(actor.userId())) {
            throw new StateConflictException("Admins cannot change or disable their own account here; ask another admin of the tenant.");
        }
        return account;
    }
}
