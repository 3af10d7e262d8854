package org.clutch.web.marketplace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clutch.marketplace.CustomerRequests;
import org.clutch.marketplace.NewPartsRequest;
import org.clutch.marketplace.PartsRequestView;
import org.clutch.marketplace.RequestSummary;
import org.clutch.orders.Orders;
import org.clutch.platform.Page;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.clutch.web.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

/** The customer's parts requests; a buying partner's too, as the customer it buys as. */
@Path("parts-requests")
@RolesAllowed({Roles.CUSTOMER, Roles.PARTNER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartsRequestResource {

    @Inject
    CustomerRequests requests;

    @Inject
    Orders orders;

    @Inject
    Caller caller;

    @POST
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.PARTS_REQUESTS_WRITE)
    @Operation(summary = "Submit a parts request (no prices); nearby shops that carry the make are asked to quote")
    public Response submit(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "NewPartsRequest")))
            @Valid @NotNull NewPartsRequest body,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "must be 1 to 100 visible ASCII characters")
            String idempotencyKey,
            @Context UriInfo uri) {
        CustomerRequests.Submitted submitted = requests.submit(caller.marketplaceActor(), body, idempotencyKey);
        if (!submitted.created()) {
            return Response.ok(submitted.request()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(submitted.request().id().toString()).build())
                .entity(submitted.request()).build();
    }

    @GET
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.PARTS_REQUESTS_READ)
    @Operation(summary = "The caller's parts requests, newest first")
    public Page<RequestSummary> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return requests.list(caller.marketplaceActor(), page, size);
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.PARTS_REQUESTS_READ)
    @Operation(summary = "One parts request with every quote received")
    public PartsRequestView get(@PathParam("id") UUID id) {
        return withOrder(requests.get(caller.marketplaceActor(), id));
    }

    @POST
    @Path("{id}/cancel")
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.PARTS_REQUESTS_WRITE)
    @Operation(summary = "Cancel an open parts request; the shops are told")
    public PartsRequestView cancel(@PathParam("id") UUID id) {
        return requests.cancel(caller.marketplaceActor(), id);
    }

    @POST
    @Path("{id}/quotes/{quoteId}/accept")
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.PARTS_REQUESTS_WRITE)
    @Operation(summary = "Accept one quote; the request closes, the order is placed (orderId) and the other shops are told")
    public PartsRequestView accept(@PathParam("id") UUID id, @PathParam("quoteId") UUID quoteId) {
        return withOrder(requests.accept(caller.marketplaceActor(), id, quoteId));
    }

    private PartsRequestView withOrder(PartsRequestView request) {
        return orders.withOrder(caller.marketplaceActor(), request);
    }
}
