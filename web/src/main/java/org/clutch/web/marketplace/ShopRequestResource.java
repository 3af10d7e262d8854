package org.clutch.web.marketplace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clutch.marketplace.QuoteSubmission;
import org.clutch.marketplace.ShopRequestView;
import org.clutch.marketplace.ShopRequests;
import org.clutch.platform.Page;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

/** Parts requests dispatched to the caller's shop, and the shop's quote on each. */
@Path("shop/requests")
@RolesAllowed(Roles.SHOP_STAFF)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopRequestResource {

    @Inject
    ShopRequests requests;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Requests dispatched to this shop, newest first")
    public Page<ShopRequestView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return requests.list(caller.actor(), page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dispatched request with this shop's own quote")
    public ShopRequestView get(@PathParam("id") UUID id) {
        return requests.get(caller.actor(), id);
    }

    @PUT
    @Path("{id}/quote")
    @Operation(summary = "Submit or revise this shop's quote")
    public ShopRequestView quote(@PathParam("id") UUID id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "QuoteSubmission")))
            @Valid @NotNull QuoteSubmission body) {
        return requests.submitQuote(caller.actor(), id, body);
    }

    @DELETE
    @Path("{id}/quote")
    @Operation(summary = "Withdraw this shop's quote")
    public ShopRequestView withdraw(@PathParam("id") UUID id) {
        return requests.withdrawQuote(caller.actor(), id);
    }
}
