package org.clutch.web.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.ApiKeyView;
import org.clutch.accounts.ApiKeys;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A partner tenant's API keys, managed by its admins. Exchange a key for a token with {@code POST /auth/api-key}. */
@Path("api-keys")
@RolesAllowed(Roles.TENANT_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    public record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 10) List<@NotBlank String> scopes,
            OffsetDateTime expiresAt) {
    }

    @Inject
    ApiKeys keys;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Create an API key with scopes (and an optional expiry); the key is in this answer only")
    public Response create(@Valid @NotNull NewKey body) {
        ApiKeyView created = keys.create(caller.actor(), body.name(), body.scopes(), body.expiresAt(), caller.address());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Operation(summary = "The tenant's API keys: prefix, scopes, created, expires, last used (when and from where), revoked")
    public List<ApiKeyView> list() {
        return keys.list(caller.actor());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key: it and the tokens it was exchanged for stop working at once")
    public Response revoke(@PathParam("id") UUID id) {
        keys.revoke(caller.actor(), id, caller.address());
        return Response.noContent().build();
    }
}
