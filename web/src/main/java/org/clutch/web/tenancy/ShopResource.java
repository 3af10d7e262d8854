package org.clutch.web.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.platform.Page;
import org.clutch.tenancy.BusinessInfo;
import org.clutch.tenancy.InventorySource;
import org.clutch.tenancy.PricingStrategy;
import org.clutch.tenancy.ShopDocument;
import org.clutch.tenancy.ShopOnboarding;
import org.clutch.tenancy.ShopStatus;
import org.clutch.tenancy.ShopVerification;
import org.clutch.tenancy.ShopView;
import org.clutch.web.problem.QueryParameters;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Shops: a tenant admin onboards them step by step (each step a PUT that can be repeated) and submits them;
 * platform admins verify, reject, suspend and reactivate them.
 */
@Path("shops")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    public record BusinessInfoBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String legalName,
            @Size(max = 60) String registrationNumber, @Size(max = 60) String taxNumber,
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{6,40}", message = "must be a phone number such as +254 700 000000") String phone,
            @Email @Size(max = 254) String email) {

        BusinessInfo info() {
            return new BusinessInfo(name, legalName, registrationNumber, taxNumber, phone, email);
        }
    }

    public record LocationBody(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotBlank @Size(max = 500) String address,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("500") BigDecimal serviceRadiusKm) {
    }

    public record MakesBody(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 60) String> makes) {
    }

    public record InventoryBody(@NotNull @Pattern(regexp = "DESKTOP_SYNC|FILE_IMPORT|MANUAL",
            message = "must be DESKTOP_SYNC, FILE_IMPORT or MANUAL") String source, @Min(0) Integer estimatedPartCount) {
    }

    public record PricingBody(@NotNull @Pattern(regexp = "COST_PLUS|LIST_MINUS|MANUAL",
            message = "must be COST_PLUS, LIST_MINUS or MANUAL") String strategy,
            @DecimalMin("0") @DecimalMax("1000") BigDecimal percent,
            @Schema(description = "quote requests automatically from the stock and prices the shop's desktop syncs, at these "
                    + "prices; left out: unchanged") Boolean autoQuote) {
    }

    public record ReasonBody(@NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    ShopOnboarding onboarding;

    @Inject
    ShopVerification verification;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Shops the caller may see, by status (platform admins: every tenant's, or one tenant's)")
    public Page<ShopView> list(@QueryParam("status") String status, @QueryParam("tenantId") String tenantId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        QueryParameters p = new QueryParameters();
        ShopStatus parsedStatus = p.oneOf("status", status, ShopStatus.class);
        UUID parsedTenant = p.uuid("tenantId", tenantId);
        p.check();
        return onboarding.list(caller.actor(), parsedStatus, parsedTenant, page, size);
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Start onboarding a new shop with its business details (the first step)")
    public Response start(@Valid @NotNull BusinessInfoBody body) {
        ShopView shop = onboarding.start(caller.actor(), body.info());
        return Response.created(URI.create("shops/" + shop.id())).entity(shop).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A shop with its onboarding progress (done, missing, next step) and documents")
    public ShopView get(@PathParam("id") UUID id) {
        return onboarding.get(caller.actor(), id);
    }

    @PUT
    @Path("{id}/business-info")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Onboarding step: business details (until the shop is verified)")
    public ShopView businessInfo(@PathParam("id") UUID id, @Valid @NotNull BusinessInfoBody body) {
        return onboarding.describe(caller.actor(), id, body.info());
    }

    @PUT
    @Path("{id}/location")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Onboarding step: address, coordinates and service radius (until the shop is verified)")
    public ShopView location(@PathParam("id") UUID id, @Valid @NotNull LocationBody body) {
        return onboarding.locate(caller.actor(), id, body.latitude(), body.longitude(), body.address(), body.serviceRadiusKm());
    }

    @PUT
    @Path("{id}/makes")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SHOP_MANAGER})
    @Operation(summary = "Onboarding step, and later at any time: the vehicle makes the shop carries")
    public ShopView makes(@PathParam("id") UUID id, @Valid @NotNull MakesBody body) {
        return onboarding.carry(caller.actor(), id, body.makes());
    }

    @PUT
    @Path("{id}/inventory")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SHOP_MANAGER})
    @Operation(summary = "Onboarding step: where the shop's stock figures come from")
    public ShopView inventory(@PathParam("id") UUID id, @Valid @NotNull InventoryBody body) {
        return onboarding.keepInventoryBy(caller.actor(), id, InventorySource.valueOf(body.source()), body.estimatedPartCount());
    }

    @PUT
    @Path("{id}/pricing")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SHOP_MANAGER})
    @Operation(summary = "Onboarding step: how the shop prices quotes by default, and whether it quotes automatically")
    public ShopView pricing(@PathParam("id") UUID id, @Valid @NotNull PricingBody body) {
        return onboarding.priceBy(caller.actor(), id, PricingStrategy.valueOf(body.strategy()), body.percent(),
                body.autoQuote());
    }

    @POST
    @Path("{id}/documents")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes({"application/pdf", "image/jpeg", "image/png"})
    @Operation(summary = "Onboarding step: upload a verification document (PDF, JPEG or PNG, at most 5 MiB) as the request body")
    public Response upload(@PathParam("id") UUID id, @QueryParam("kind") String kind, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content) {
        QueryParameters p = new QueryParameters();
        ShopDocument.Kind parsedKind = p.oneOf("kind", kind, ShopDocument.Kind.class);
        p.require("kind", kind);
        if (fileName == null || fileName.isBlank() || fileName.length() > 200) {
            p.reject("fileName", "is required, at most 200 characters");
        }
        if (content == null || content.length == 0) {
            p.reject("body", "must be the document's bytes");
        }
        p.check();
        ShopView.DocumentView document = onboarding.upload(caller.actor(), id, parsedKind, fileName, baseType(contentType), content,
                caller.address());
        return Response.status(Response.Status.CREATED).entity(document).build();
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a verification document")
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        ShopDocument.Download document = onboarding.document(caller.actor(), id, documentId);
        return Response.ok(document.content(), document.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Submit the completed onboarding for verification (409 lists the steps still to do)")
    public ShopView submit(@PathParam("id") UUID id) {
        return onboarding.submit(caller.actor(), id, caller.address());
    }

    @POST
    @Path("{id}/verify")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Verify a submitted shop: it becomes active and receives parts requests")
    public ShopView verify(@PathParam("id") UUID id) {
        return verification.verify(caller.actor(), id, caller.address());
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Reject a submitted shop with a reason its owner sees; it can be corrected and submitted again")
    public ShopView reject(@PathParam("id") UUID id, @Valid @NotNull ReasonBody body) {
        return verification.reject(caller.actor(), id, body.reason(), caller.address());
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Suspend an active shop with a reason: no parts requests, no quotes")
    public ShopView suspend(@PathParam("id") UUID id, @Valid @NotNull ReasonBody body) {
        return verification.suspend(caller.actor(), id, body.reason(), caller.address());
    }

    @POST
    @Path("{id}/reactivate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Reactivate a suspended shop")
    public ShopView reactivate(@PathParam("id") UUID id) {
        return verification.reactivate(caller.actor(), id, caller.address());
    }

    private static String baseType(String contentType) {
        MediaType type = MediaType.valueOf(contentType);
        return type.getType() + "/" + type.getSubtype();
    }
}
