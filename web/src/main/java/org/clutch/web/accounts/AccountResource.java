package org.clutch.web.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.AccountView;
import org.clutch.accounts.Authentication;
import org.clutch.accounts.SessionView;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** The caller's own account and login sessions. */
@Path("account")
@RolesAllowed({Roles.CUSTOMER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Authentication authentication;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's account: e-mail, role and what it is bound to")
    public AccountView me() {
        return authentication.account(caller.actor());
    }

    @GET
    @Path("sessions")
    @Operation(summary = "The caller's active sessions (device, address, created, last used); the current one is marked")
    public List<SessionView> sessions() {
        return authentication.sessions(caller.actor());
    }

    @DELETE
    @Path("sessions/{sessionId}")
    @Operation(summary = "Revoke one of the caller's sessions (e.g. a lost phone)")
    public Response revoke(@PathParam("sessionId") UUID sessionId) {
        authentication.revokeSession(caller.actor(), sessionId, caller.address());
        return Response.noContent().build();
    }
}
