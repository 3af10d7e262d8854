package org.clutch.web.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.orders.CardDetails;
import org.clutch.orders.Order.RefundLine;
import org.clutch.orders.OrderStatus;
import org.clutch.orders.OrderSummary;
import org.clutch.orders.OrderView;
import org.clutch.orders.Orders;
import org.clutch.orders.PaymentMethod;
import org.clutch.platform.Page;
import org.clutch.web.problem.QueryParameters;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.clutch.web.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Orders, for the customer and the shop on either side. Every step answers the order as it now is, with its
 * {@code version}; a caller that sends that version back as {@code If-Match} is refused with 409 if the order moved
 * on meanwhile.
 */
@Path("orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    public record CardBody(@NotBlank @Size(max = 30) String number, @NotNull @Min(1) @Max(12) Integer expiryMonth,
            @NotNull @Min(2000) @Max(2100) Integer expiryYear, @NotBlank @Size(max = 4) String cvc) {

        CardDetails details() {
            return new CardDetails(number, expiryMonth, expiryYear, cvc);
        }
    }

    public record PaymentBody(@NotNull @Pattern(regexp = "CARD|BANK_TRANSFER|CASH_ON_DELIVERY",
            message = "must be CARD, BANK_TRANSFER or CASH_ON_DELIVERY") String method, @Valid CardBody card) {
    }

    public record ReceivedPaymentBody(@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as KES") String currency,
            @Size(max = 100) String reference) {
    }

    public record ShipmentBody(@NotBlank @Size(max = 100) String carrier, @Size(max = 100) String trackingNumber) {
    }

    public record ReasonBody(@NotBlank @Size(max = 500) String reason) {
    }

    public record RefundLineBody(@NotNull UUID lineId, @NotNull @Min(1) Integer quantity) {
    }

    public record RefundBody(@NotNull @Size(max = 50) List<@Valid @NotNull RefundLineBody> lines, boolean includeFreight,
            boolean goodsReturned, @NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    Orders orders;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.PARTNER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.ORDERS_READ)
    @Operation(summary = "Orders the caller is party to, newest first (customer: own; shop: its own; tenant admin: the tenant's; "
            + "platform admin: all or one tenant's)")
    public Page<OrderSummary> list(@QueryParam("status") String status, @QueryParam("tenantId") String tenantId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        QueryParameters p = new QueryParameters();
        OrderStatus parsedStatus = p.oneOf("status", status, OrderStatus.class);
        UUID parsedTenant = p.uuid("tenantId", tenantId);
        p.check();
        return orders.list(caller.marketplaceActor(), parsedStatus, parsedTenant, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.PARTNER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.ORDERS_READ)
    @Operation(summary = "One order: lines, money, payments and timeline (ETag carries its version)")
    public Response get(@PathParam("id") UUID id) {
        OrderView order = orders.get(caller.marketplaceActor(), id);
        return Response.ok(order).tag(String.valueOf(order.version())).build();
    }

    @POST
    @Path("{id}/payment")
    @RolesAllowed({Roles.CUSTOMER, Roles.PARTNER})
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.ORDERS_WRITE)
    @Operation(summary = "Pay by card (charged at once; 402 when declined), or choose bank transfer or cash on delivery")
    public OrderView pay(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PaymentBody body) {
        return orders.pay(caller.marketplaceActor(), id, version(ifMatch), PaymentMethod.valueOf(body.method()),
                body.card() == null ? null : body.card().details());
    }

    @POST
    @Path("{id}/payments")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Confirm money received by bank transfer or in cash (partial amounts add up)")
    public OrderView recordPayment(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReceivedPaymentBody body) {
        return orders.recordPayment(caller.actor(), id, version(ifMatch), body.amount(), body.currency(), body.reference());
    }

    @POST
    @Path("{id}/processing")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN})
    @Operation(summary = "The shop starts preparing a paid (or cash-on-delivery) order")
    public OrderView startProcessing(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return orders.startProcessing(caller.actor(), id, version(ifMatch));
    }

    @POST
    @Path("{id}/ready")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN})
    @Operation(summary = "The parts are packed and ready for dispatch")
    public OrderView markReady(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return orders.markReady(caller.actor(), id, version(ifMatch));
    }

    @POST
    @Path("{id}/shipment")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN})
    @Operation(summary = "Hand the parts to a carrier, with the tracking number")
    public OrderView ship(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ShipmentBody body) {
        return orders.ship(caller.actor(), id, version(ifMatch), body.carrier(), body.trackingNumber());
    }

    @POST
    @Path("{id}/delivery")
    @RolesAllowed({Roles.CUSTOMER, Roles.PARTNER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN})
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.ORDERS_WRITE)
    @Operation(summary = "Confirm delivery (customer or shop); for cash on delivery this records the cash")
    public OrderView confirmDelivery(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return orders.confirmDelivery(caller.marketplaceActor(), id, version(ifMatch));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.CUSTOMER, Roles.PARTNER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME, scopes = Scopes.ORDERS_WRITE)
    @Operation(summary = "Cancel until shipped, with a reason; whatever was paid is refunded in full")
    public OrderView cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReasonBody body) {
        return orders.cancel(caller.marketplaceActor(), id, version(ifMatch), body.reason());
    }

    @POST
    @Path("{id}/refunds")
    @RolesAllowed({Roles.SHOP_MANAGER, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Refund delivered lines (and the freight), with or without the parts coming back")
    public OrderView refund(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RefundBody body) {
        return orders.refund(caller.actor(), id, version(ifMatch),
                body.lines().stream().map(l -> new RefundLine(l.lineId(), l.quantity())).toList(),
                body.includeFreight(), body.goodsReturned(), body.reason());
    }

    private static Long version(String ifMatch) {
        QueryParameters p = new QueryParameters();
        Long version = p.version("If-Match", ifMatch);
        p.check();
        return version;
    }
}
