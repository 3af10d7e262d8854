package org.clutch.web.accounts;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clutch.accounts.AccountCreation;
import org.clutch.platform.StateConflictException;
import org.clutch.web.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Car owners sign up here, then log in at auth/login. */
@Path("customers")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    public record Registration(@NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 128) String password,
            @NotBlank @Size(max = 200) String displayName) {
    }

    @Inject
    AccountCreation accountCreation;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Register as a car owner (password: at least 12 characters, not a common one); an address that "
            + "has an account already is a 409 and counts as a failed login of the client's address")
    public Response register(@Valid @NotNull Registration body, @Context UriInfo uri) {
        return switch (accountCreation.registerCustomer(
                new AccountCreation.NewCustomer(body.email(), body.password(), body.displayName()), caller.address())) {
            case AccountCreation.Registration.Registered registered ->
                    Response.created(uri.getBaseUriBuilder().path("account").build()).entity(registered.account()).build();
            // thrown only now, after the failure it counts against the address is committed; answered as every conflict is
            case AccountCreation.Registration.Taken taken ->
                    throw new StateConflictException("An account with this e-mail address already exists; log in or reset the password.");
            case AccountCreation.Registration.Throttled throttled -> AuthResource.throttled(throttled.retryAfter());
        };
    }
}
