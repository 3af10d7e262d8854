package org.clutch.web.billing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.billing.InvoiceStatus;
import org.clutch.billing.InvoiceSummary;
import org.clutch.billing.InvoiceView;
import org.clutch.billing.Invoices;
import org.clutch.platform.Page;
import org.clutch.web.problem.QueryParameters;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Tenants' invoices: read by the tenant's admins (JSON or PDF), settled or voided by platform admins. */
@Path("invoices")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
public class InvoiceResource {

    public record ReasonBody(@NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    Invoices invoices;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Invoices, newest first (tenant admins: their tenant's; platform admins: all, or one tenant's)")
    public Page<InvoiceSummary> list(@QueryParam("tenantId") String tenantId, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        QueryParameters p = new QueryParameters();
        UUID tenant = p.uuid("tenantId", tenantId);
        InvoiceStatus parsedStatus = p.oneOf("status", status, InvoiceStatus.class);
        p.check();
        return invoices.list(caller.actor(), tenant, parsedStatus, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One invoice with its lines and the commission entries it bills")
    public InvoiceView get(@PathParam("id") UUID id) {
        return invoices.get(caller.actor(), id);
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The invoice as a PDF")
    public Response pdf(@PathParam("id") UUID id) {
        Invoices.Pdf pdf = invoices.pdf(caller.actor(), id);
        return Response.ok(pdf.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"").build();
    }

    @POST
    @Path("{id}/payment")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Mark an issued or overdue invoice paid")
    public InvoiceView markPaid(@PathParam("id") UUID id) {
        return invoices.markPaid(caller.actor(), id);
    }

    @POST
    @Path("{id}/void")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Void an issued or overdue invoice, with a reason; it keeps its number and its month can be billed again")
    public InvoiceView voidInvoice(@PathParam("id") UUID id, @Valid @NotNull ReasonBody body) {
        return invoices.voidInvoice(caller.actor(), id, body.reason());
    }
}
