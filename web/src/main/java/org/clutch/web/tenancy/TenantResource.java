package org.clutch.web.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clutch.tenancy.TenantView;
import org.clutch.tenancy.Tenants;
import org.clutch.web.security.Caller;
import org.clutch.web.security.OriginPolicy;
import org.clutch.web.security.Roles;
import org.clutch.web.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own tenant: its settings, read by everyone of the tenant and changed by its admins. */
@Path("tenant")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    OriginPolicy origins;

    @GET
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER})
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME)
    @Operation(summary = "The caller's tenant: names, currency, locale, time zone, tax rate, branding, plan, MFA rule")
    public TenantView get() {
        return tenants.own(caller.actor());
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Replace the tenant's settings (audited with the names of the settings that changed)")
    public TenantView update(@Valid @NotNull TenantSettingsBody body) {
        TenantView updated = tenants.updateOwn(caller.actor(), body.settings(), caller.address());
        origins.forget();
        return updated;
    }
}
