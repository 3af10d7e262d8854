package org.clutch.web.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.InvitationView;
import org.clutch.accounts.StaffInvitations;
import org.clutch.platform.Page;
import org.clutch.tenancy.PartnerRole;
import org.clutch.tenancy.TenantKind;
import org.clutch.tenancy.TenantView;
import org.clutch.tenancy.Tenants;
import org.clutch.web.accounts.StaffResource.InvitationBody;
import org.clutch.web.problem.QueryParameters;
import org.clutch.web.security.Caller;
import org.clutch.web.security.OriginPolicy;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Platform admins: create tenants, change any tenant's settings and plan, invite a tenant's first admin. */
@Path("tenants")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantAdministrationResource {

    /** {@code partnerRoles} for a partner only: BUYER (fleet, insurer), SUPPLIER, or both. */
    public record NewTenantBody(@NotNull @Pattern(regexp = "SHOP_BUSINESS|PARTNER", message = "must be SHOP_BUSINESS or PARTNER") String kind,
            @Size(max = 2) List<@NotNull @Pattern(regexp = "BUYER|SUPPLIER", message = "must be BUYER or SUPPLIER") String> partnerRoles,
            @Valid @NotNull TenantSettingsBody settings) {

        Set<PartnerRole> roles() {
            return partnerRoles == null ? Set.of() : partnerRoles.stream().map(PartnerRole::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(PartnerRole.class)));
        }
    }

    public record PlanChoiceBody(@NotBlank String plan) {
    }

    @Inject
    Tenants tenants;

    @Inject
    StaffInvitations invitations;

    @Inject
    Caller caller;

    @Inject
    OriginPolicy origins;

    @GET
    @Operation(summary = "All tenants, optionally of one kind")
    public Page<TenantView> list(@QueryParam("kind") String kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        QueryParameters p = new QueryParameters();
        TenantKind parsed = p.oneOf("kind", kind, TenantKind.class);
        p.check();
        return tenants.list(caller.actor(), parsed, page, size);
    }

    @POST
    @Operation(summary = "Create a tenant (a shop business or a B2B partner); then invite its first admin")
    public Response create(@Valid @NotNull NewTenantBody body) {
        TenantView created = tenants.create(caller.actor(), TenantKind.valueOf(body.kind()), body.roles(), body.settings().settings(),
                caller.address());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One tenant")
    public TenantView get(@PathParam("id") UUID id) {
        return tenants.get(caller.actor(), id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a tenant's settings")
    public TenantView update(@PathParam("id") UUID id, @Valid @NotNull TenantSettingsBody body) {
        TenantView updated = tenants.update(caller.actor(), id, body.settings(), caller.address());
        origins.forget();
        return updated;
    }

    @PUT
    @Path("{id}/plan")
    @Operation(summary = "Move a tenant to another billing plan")
    public TenantView changePlan(@PathParam("id") UUID id, @Valid @NotNull PlanChoiceBody body) {
        return tenants.changePlan(caller.actor(), id, body.plan(), caller.address());
    }

    @POST
    @Path("{id}/invitations")
    @Operation(summary = "Invite a person to the tenant (e.g. its first admin); the answer holds the one-time accept token")
    public Response invite(@PathParam("id") UUID id, @Valid @NotNull InvitationBody body) {
        InvitationView invitation = invitations.invite(caller.actor(), id, body.invitee(), caller.address());
        return Response.status(Response.Status.CREATED).entity(invitation).build();
    }

    @GET
    @Path("{id}/invitations")
    @Operation(summary = "A tenant's invitations, newest first")
    public List<InvitationView> invitations(@PathParam("id") UUID id) {
        return invitations.list(caller.actor(), id);
    }
}
