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
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.Tenant;
import org.clutch.tenancy.TenantKind;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A partner tenant's admins create, list and revoke the API keys of their systems; each change is audited. */
@Interceptors(RowScope.class)
@Stateless
public class ApiKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public ApiKeyView create(Actor actor, String name, List<String> scopes, OffsetDateTime expiresAt, String address) {
        actor.require(Role.TENANT_ADMIN);
        Tenant tenant = em.find(Tenant.class, actor.tenant());
        if (tenant.kind() != TenantKind.PARTNER) {
            throw new StateConflictException("API keys are for partner tenants, whose systems integrate with the platform.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<FieldError> errors = new ArrayList<>();
        List<ApiScope> granted = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            Optional<ApiScope> scope = ApiScope.of(scopes.get(i));
            if (scope.isPresent()) {
                granted.add(scope.get());
            } else {
                errors.add(new FieldError("scopes[" + i + "]", "must be one of " + List.of(ApiScope.values()).stream().map(ApiScope::value).toList()));
            }
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String secret = SecretTokens.random();
        ApiKey key = new ApiKey(tenant.id(), name, granted, secret, actor.userId(), now, expiresAt);
        em.persist(key);
        audit.record(AuditEntry.of(AuditAction.API_KEY_CREATED, tenant.id(), actor.userId()).target("api-key", key.id()).from(address)
                .detail(key.prefix() + " scopes: " + String.join(" ", key.scopes())));
        return ApiKeyView.of(key, ApiKey.KEY_PREFIX + secret);
    }

    public List<ApiKeyView> list(Actor actor) {
        actor.require(Role.TENANT_ADMIN);
        return em.createQuery("select k from ApiKey k where k.tenantId = :t order by k.createdAt desc, k.id", ApiKey.class)
                .setParameter("t", actor.tenant()).getResultStream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    /** Revokes a key: exchanging it fails from now on, and the access tokens it was exchanged for stop working at once. */
    public void revoke(Actor actor, UUID keyId, String address) {
        actor.require(Role.TENANT_ADMIN);
        ApiKey key = keyId == null ? null : em.find(ApiKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.tenantId().equals(actor.tenant())) {
            throw new NotFoundException("API key " + keyId);
        }
        key.revoke(actor.userId(), OffsetDateTime.now(clock));
        audit.record(AuditEntry.of(AuditAction.API_KEY_REVOKED, key.tenantId(), actor.userId()).target("api-key", key.id()).from(address)
                .detail(key.prefix()));
    }
}
