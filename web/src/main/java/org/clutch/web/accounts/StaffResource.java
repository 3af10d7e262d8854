package org.clutch.web.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.InvitationView;
import org.clutch.accounts.StaffAccounts;
import org.clutch.accounts.StaffInvitations;
import org.clutch.accounts.StaffView;
import org.clutch.platform.Role;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** A tenant admin's people: invitations, roles, disabling and enabling accounts. */
@Path("staff")
@RolesAllowed(Roles.TENANT_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    private static final String ROLES = "SHOP_STAFF|SHOP_MANAGER|TENANT_ADMIN|PARTNER";
    private static final String ROLES_MESSAGE = "must be SHOP_STAFF, SHOP_MANAGER, TENANT_ADMIN or PARTNER";

    public record InvitationBody(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull @Pattern(regexp = ROLES, message = ROLES_MESSAGE) String role,
            UUID shopId) {

        public StaffInvitations.Invitee invitee() {
            return new StaffInvitations.Invitee(email, displayName, Role.valueOf(role), shopId);
        }
    }

    public record RoleBody(@NotNull @Pattern(regexp = ROLES, message = ROLES_MESSAGE) String role, UUID shopId) {
    }

    @Inject
    StaffAccounts staff;

    @Inject
    StaffInvitations invitations;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The tenant's accounts: role, shop, status")
    public List<StaffView> list() {
        return staff.list(caller.actor());
    }

    @PUT
    @Path("{id}/role")
    @Operation(summary = "Change a person's role (and shop); their sessions end so the new role applies at once")
    public StaffView changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleBody body) {
        return staff.changeRole(caller.actor(), id, Role.valueOf(body.role()), body.shopId(), caller.address());
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable an account: it cannot log in and its sessions end")
    public StaffView disable(@PathParam("id") UUID id) {
        return staff.disable(caller.actor(), id, caller.address());
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled account again")
    public StaffView enable(@PathParam("id") UUID id) {
        return staff.enable(caller.actor(), id, caller.address());
    }

    @POST
    @Path("invitations")
    @Operation(summary = "Invite a person to a role (shop roles: to a shop); the answer holds the one-time accept token")
    public Response invite(@Valid @NotNull InvitationBody body) {
        InvitationView invitation = invitations.invite(caller.actor(), null, body.invitee(), caller.address());
        return Response.status(Response.Status.CREATED).entity(invitation).build();
    }

    @GET
    @Path("invitations")
    @Operation(summary = "The tenant's invitations, newest first, with their state")
    public List<InvitationView> invitations() {
        return invitations.list(caller.actor(), null);
    }

    @DELETE
    @Path("invitations/{id}")
    @Operation(summary = "Revoke a pending invitation")
    public Response revoke(@PathParam("id") UUID id) {
        invitations.revoke(caller.actor(), id, caller.address());
        return Response.noContent().build();
    }
}
