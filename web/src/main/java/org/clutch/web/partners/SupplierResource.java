package org.clutch.web.partners;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clutch.catalog.CatalogFeed;
import org.clutch.catalog.SupplierCatalog;
import org.clutch.partners.SupplierPartners;
import org.clutch.platform.Page;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.clutch.web.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A supplying partner's side of the platform over REST; the same as its broker messages do (docs/partners). */
@Path("supplier")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupplierResource {

    @Inject
    SupplierPartners suppliers;

    @Inject
    Caller caller;

    @POST
    @Path("catalog-feed")
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.CATALOG_WRITE)
    @Operation(summary = "Apply one batch of the supplier's catalog feed (up to 10,000 items), whole or not at all; a full "
            + "feed's last batch withdraws the parts the feed did not list")
    public SupplierCatalog.Applied feed(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "CatalogFeed"))) @Valid @NotNull CatalogFeed body) {
        return suppliers.feed(caller.actor(), body);
    }

    @GET
    @Path("purchase-orders")
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.PURCHASE_ORDERS_READ)
    @Operation(summary = "The purchase orders shops placed with this supplier (placed, acknowledged, shipped or cancelled), "
            + "the latest change first")
    public Page<SupplierPartners.PlacedOrder> purchaseOrders(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return suppliers.ordersPlaced(caller.actor(), page, size);
    }
}
