package org.clutch.tenancy;

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
import org.clutch.platform.FilteredQuery;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Tenants and their settings. Anyone of a tenant reads its settings (apps need the currency and branding); its
 * admins change them; platform admins create tenants, see all of them and set their billing plan. Every change is
 * audited with the names of the settings that changed.
 */
@Interceptors(RowScope.class)
@Stateless
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.plans.default", defaultValue = "STANDARD")
    String defaultPlan;

    /** The caller's own tenant. */
    public TenantView own(Actor actor) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PARTNER);
        return TenantView.of(find(actor.tenant(), false));
    }

    public TenantView get(Actor actor, UUID tenantId) {
        actor.require(Role.PLATFORM_ADMIN);
        return TenantView.of(find(tenantId, false));
    }

    public Page<TenantView> list(Actor actor, TenantKind kind, int page, int size) {
        actor.require(Role.PLATFORM_ADMIN);
        return FilteredQuery.of(em, Tenant.class, "t").where("t.kind = :kind", "kind", kind).page("t.name, t.id", page, size, TenantView::of);
    }

    /** A new tenant on the default plan; its first admin is invited separately (see the staff invitations). */
    public TenantView create(Actor actor, TenantKind kind, Set<PartnerRole> partnerRoles, TenantSettings settings, String address) {
        actor.require(Role.PLATFORM_ADMIN);
        Tenant tenant = new Tenant(kind, partnerRoles, settings, defaultPlan, OffsetDateTime.now(clock));
        em.persist(tenant);
        em.flush();  // the audit entry refers to the tenant; nothing maps that, so EclipseLink would not order the inserts
        audit.record(AuditEntry.of(AuditAction.TENANT_CREATED, tenant.id(), actor.userId()).target("tenant", tenant.id()).from(address)
                .detail(kind + " " + tenant.name()));
        LOG.info(() -> "event=tenant-created tenant=" + tenant.id());
        return TenantView.of(tenant);
    }

    /** The caller's own tenant's settings (tenant admins). */
    public TenantView updateOwn(Actor actor, TenantSettings settings, String address) {
        actor.require(Role.TENANT_ADMIN);
        return update(actor, find(actor.tenant(), true), settings, address);
    }

    /** Any tenant's settings (platform admins, e.g. for a tenant that asks for help). */
    public TenantView update(Actor actor, UUID tenantId, TenantSettings settings, String address) {
        actor.require(Role.PLATFORM_ADMIN);
        return update(actor, find(tenantId, true), settings, address);
    }

    public TenantView changePlan(Actor actor, UUID tenantId, String plan, String address) {
        actor.require(Role.PLATFORM_ADMIN);
        // The plans and their fees are billing's (billing_plan); tenancy only needs the codes.
        @SuppressWarnings("unchecked")
        List<String> plans = em.createNativeQuery("SELECT id FROM billing_plan ORDER BY id").getResultList();
        if (!plans.contains(plan)) {
            throw new InvalidInputException(List.of(new FieldError("plan", "must be one of " + plans)));
        }
        Tenant tenant = find(tenantId, true);
        String before = tenant.plan();
        if (tenant.changePlan(plan)) {
            audit.record(AuditEntry.of(AuditAction.PLAN_CHANGED, tenant.id(), actor.userId()).target("tenant", tenant.id()).from(address)
                    .detail(before + " -> " + plan));
        }
        return TenantView.of(tenant);
    }

    private TenantView update(Actor actor, Tenant tenant, TenantSettings settings, String address) {
        List<String> changed = tenant.apply(settings);
        if (!changed.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.TENANT_SETTINGS_CHANGED, tenant.id(), actor.userId()).target("tenant", tenant.id())
                    .from(address).detail("changed: " + String.join(", ", changed)));
        }
        return TenantView.of(tenant);
    }

    private Tenant find(UUID tenantId, boolean lock) {
        Tenant tenant = tenantId == null ? null
                : lock ? em.find(Tenant.class, tenantId, LockModeType.PESSIMISTIC_WRITE) : em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("tenant " + tenantId);
        }
        return tenant;
    }
}
