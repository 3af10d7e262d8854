package org.clutch.web.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.BrokerAccountView;
import org.clutch.accounts.BrokerAccounts;
import org.clutch.partners.SupplierOrders;
import org.clutch.sync.CentralStock;
import org.clutch.sync.CustomerEdit;
import org.clutch.sync.ShopSyncStatus;
import org.clutch.sync.HeadOfficeCatalog;
import org.clutch.sync.HeadOfficeCustomers;
import org.clutch.sync.MirroredCustomer;
import org.clutch.sync.MirroredPart;
import org.clutch.sync.PartEdit;
import org.clutch.sync.SyncStatus;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Shop desktops' sync as the backend sees it: status per shop for admins, a shop's central stock. */
@Path("sync/shops")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    SyncStatus sync;

    @Inject
    HeadOfficeCatalog catalog;

    @Inject
    HeadOfficeCustomers customers;

    @Inject
    BrokerAccounts brokerAccounts;

    @Inject
    SupplierOrders supplierOrders;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Sync status of each shop: events applied, duplicates ignored, rejected, last change, last error")
    public List<ShopSyncStatus> shops() throws SQLException {
        return sync.shops(caller.actor());
    }

    @GET
    @Path("{id}/stock")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The shop's stock per part as the backend has it: the sum of its synced stock movements")
    public List<CentralStock> stock(@PathParam("id") UUID shopId) throws SQLException {
        return sync.stock(caller.actor(), shopId);
    }

    @POST
    @Path("{id}/broker-account")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Issue the shop desktop's broker account (user and password, the password only in this answer); "
            + "issuing again replaces the password")
    public BrokerAccountView issueBrokerAccount(@PathParam("id") UUID shopId) {
        return brokerAccounts.issueForShop(caller.actor(), shopId);
    }

    @GET
    @Path("{id}/broker-account")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The shop desktop's broker account: user, addresses, when issued or revoked (never the password)")
    public BrokerAccountView brokerAccount(@PathParam("id") UUID shopId) {
        return brokerAccounts.ofShop(caller.actor(), shopId);
    }

    @DELETE
    @Path("{id}/broker-account")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Revoke the shop desktop's broker account: it can no longer connect")
    public BrokerAccountView revokeBrokerAccount(@PathParam("id") UUID shopId) {
        return brokerAccounts.revokeForShop(caller.actor(), shopId);
    }

    /** Which partner a supplier on the shop's desktop is. */
    public record SupplierPartner(@NotNull UUID partnerTenantId) {
    }

    @PUT
    @Path("{id}/suppliers/{supplierId}/partner")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Say that a supplier on the shop's desktop is a supplier partner on the platform: the shop's "
            + "purchase orders to it are delivered to the partner, and its acknowledgements and shipments come back")
    public Response linkSupplier(@PathParam("id") UUID shopId, @PathParam("supplierId") UUID supplierId,
            @Valid @NotNull SupplierPartner partner) {
        supplierOrders.link(caller.actor(), shopId, supplierId, partner.partnerTenantId());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/suppliers/{supplierId}/partner")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Stop delivering the shop's purchase orders for this supplier to a partner")
    public Response unlinkSupplier(@PathParam("id") UUID shopId, @PathParam("supplierId") UUID supplierId) {
        supplierOrders.unlink(caller.actor(), shopId, supplierId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/catalog/{partId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "One of the shop's parts as head office has it, with each field's edit stamp")
    public MirroredPart part(@PathParam("id") UUID shopId, @PathParam("partId") UUID partId) throws SQLException {
        return catalog.get(caller.actor(), shopId, partId);
    }

    @GET
    @Path("{id}/customers")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "The shop's customers as head office has them from its desktop: name, phone, email, credit limit "
            + "and vehicles, with each field's edit stamp")
    public List<MirroredCustomer> customers(@PathParam("id") UUID shopId) throws SQLException {
        return customers.of(caller.actor(), shopId);
    }

    @GET
    @Path("{id}/customers/{customerId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "One of the shop's customers as head office has it, with each field's edit stamp")
    public MirroredCustomer customer(@PathParam("id") UUID shopId, @PathParam("customerId") UUID customerId)
            throws SQLException {
        return customers.get(caller.actor(), shopId, customerId);
    }

    @PATCH
    @Path("{id}/customers/{customerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Head office changes a shop's customer (name, phone, email, credit limit; an empty phone or email "
            + "clears it); the shop's desktop gets it on its inbox, and where both sides changed a field while apart the "
            + "later edit wins on both")
    public MirroredCustomer editCustomer(@PathParam("id") UUID shopId, @PathParam("customerId") UUID customerId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CustomerEdit")))
            @Valid @NotNull CustomerEdit edit) throws SQLException {
        return customers.edit(caller.actor(), shopId, customerId, edit);
    }

    @PATCH
    @Path("{id}/catalog/{partId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Head office changes a shop's part (brand, name, category, cost, price, taxable); the shop's desktop "
            + "gets it on its inbox, and where both sides changed a field while apart the later edit wins on both")
    public MirroredPart edit(@PathParam("id") UUID shopId, @PathParam("partId") UUID partId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PartEdit")))
            @Valid @NotNull PartEdit edit) throws SQLException {
        return catalog.edit(caller.actor(), shopId, partId, edit);
    }
}
