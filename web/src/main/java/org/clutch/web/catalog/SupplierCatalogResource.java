package org.clutch.web.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clutch.catalog.SupplierCatalog;
import org.clutch.platform.Page;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The central catalog suppliers feed, as shops search it: what fits the vehicle in front of them. */
@Path("catalog/supplier-parts")
@Produces(MediaType.APPLICATION_JSON)
public class SupplierCatalogResource {

    @Inject
    SupplierCatalog catalog;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Suppliers' parts that fit a vehicle (make, model, model year), optionally narrowed by words of the "
            + "description, a part number or an interchange number; with prices, attributes and fitment")
    public Page<SupplierCatalog.SupplierPart> fitting(@QueryParam("make") @NotNull String make, @QueryParam("model") @NotNull String model,
            @QueryParam("year") @NotNull @Min(1900) @Max(2100) Integer year, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return catalog.fitting(caller.actor(), make, model, year, text, page, size);
    }
}
