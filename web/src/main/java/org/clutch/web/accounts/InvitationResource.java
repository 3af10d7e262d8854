package org.clutch.web.accounts;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.AccountCreation;
import org.clutch.accounts.AccountView;
import org.clutch.web.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Accepting an invitation: the invitee, not yet logged in, proves it with the token and chooses a password. */
@Path("invitations/accept")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    public record Acceptance(@NotBlank @Size(max = 200) String token, @Size(max = 200) String displayName,
            @NotNull @Size(max = 1024) String password) {
    }

    @Inject
    AccountCreation accounts;

    @Inject
    Caller caller;

    @POST
    @PermitAll
    @Operation(summary = "Accept an invitation: creates the account with the chosen password; then log in")
    public Response accept(@Valid @NotNull Acceptance body) {
        AccountView account = accounts.acceptInvitation(body.token(), body.displayName(), body.password(), caller.address());
        return Response.status(Response.Status.CREATED).entity(account).build();
    }
}
