package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.Actor;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.Shop;
import org.clutch.tenancy.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Tenant admins invite people to their tenant in a role (shop roles to one of its shops); platform admins invite
 * the first admin of a new tenant. There is no mail server in reach, so the answer carries the one-time accept
 * token for the admin to pass on (as "copy invitation link" does in many products); it is not stored and cannot be
 * shown again. Inviting an address again replaces its pending invitation.
 */
@Interceptors(RowScope.class)
@Stateless
public class StaffInvitations {

    public record Invitee(String email, String displayName, Role role, UUID shopId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.invitation.lifetime", defaultValue = "P7D")
    Duration lifetime;

    /**
     * Invites into the caller's tenant; a platform admin names the tenant ({@code tenantId}), which anyone else
     * cannot: for them it is always their own.
     */
    public InvitationView invite(Actor actor, UUID tenantId, Invitee invitee, String address) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        Tenant tenant = tenantOf(actor, tenantId);
        checkGrant(em, tenant, invitee.role(), invitee.shopId());
        String email = UserAccount.normalizeEmail(invitee.email());
        if (accounts.lockAndCheckTaken(email)) {
            throw new StateConflictException("This e-mail address already has an account; an account belongs to one tenant.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createQuery("select i from StaffInvitation i where i.tenantId = :t and i.email = :e", StaffInvitation.class)
                .setParameter("t", tenant.id()).setParameter("e", email).getResultList().forEach(i -> i.revoke(now));
        String token = SecretTokens.random();
        StaffInvitation invitation = new StaffInvitation(tenant.id(), email, invitee.displayName(), invitee.role(), invitee.shopId(),
                SecretTokens.sha256(token), actor.userId(), now, now.plus(lifetime));
        em.persist(invitation);
        audit.record(AuditEntry.of(AuditAction.STAFF_INVITED, tenant.id(), actor.userId()).target("invitation", invitation.id())
                .from(address).detail(email + " as " + invitee.role()));
        return InvitationView.of(invitation, now, token);
    }

    /** The tenant's invitations, newest first. */
    public List<InvitationView> list(Actor actor, UUID tenantId) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        Tenant tenant = tenantOf(actor, tenantId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("select i from StaffInvitation i where i.tenantId = :t order by i.createdAt desc, i.id", StaffInvitation.class)
                .setParameter("t", tenant.id()).setMaxResults(200).getResultStream().map(i -> InvitationView.of(i, now, null)).toList();
    }

    public void revoke(Actor actor, UUID invitationId, String address) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        StaffInvitation invitation = invitationId == null ? null : em.find(StaffInvitation.class, invitationId);
        if (invitation == null || !(actor.isPlatformAdmin() || invitation.tenantId().equals(actor.tenant()))) {
            throw new NotFoundException("invitation " + invitationId);
        }
        invitation.revoke(OffsetDateTime.now(clock));
        audit.record(AuditEntry.of(AuditAction.INVITATION_REVOKED, invitation.tenantId(), actor.userId())
                .target("invitation", invitation.id()).from(address));
    }

    private Tenant tenantOf(Actor actor, UUID requested) {
        UUID id = actor.isPlatformAdmin() ? requested : actor.tenant();
        Tenant tenant = id == null ? null : em.find(Tenant.class, id);
        if (tenant == null) {
            throw new NotFoundException("tenant " + requested);
        }
        return tenant;
    }

    /**
     * What a tenant admin may grant, for invitations and role changes alike: a role of the tenant's kind, and for a
     * shop role a shop of this very tenant (other roles have none).
     */
    static void checkGrant(EntityManager em, Tenant tenant, Role role, UUID shopId) {
        if (!tenant.kind().staffRoles().contains(role)) {
            throw new InvalidInputException(List.of(new FieldError("role", "must be one of " + tenant.kind().staffRoles()
                    + " for a " + tenant.kind() + " tenant")));
        }
        if (role.isShopRole()) {
            Shop shop = shopId == null ? null : em.find(Shop.class, shopId);
            if (shop == null || !shop.tenantId().equals(tenant.id())) {
                throw new InvalidInputException(List.of(new FieldError("shopId", "must be a shop of this tenant for the role " + role)));
            }
        } else if (shopId != null) {
            throw new InvalidInputException(List.of(new FieldError("shopId", "must be left out for the role " + role)));
        }
    }
}
