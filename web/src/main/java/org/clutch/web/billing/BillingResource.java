package org.clutch.web.billing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clutch.billing.BillingRunReport;
import org.clutch.billing.BillingRuns;
import org.clutch.billing.Plan;
import org.clutch.billing.PlanView;
import org.clutch.billing.Plans;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Billing plans and billing runs. */
@Path("billing")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    public record PriceBody(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as KES") String currency,
            @NotNull @Digits(integer = 12, fraction = 4) BigDecimal monthlyFee, @NotNull @Digits(integer = 12, fraction = 4) BigDecimal minimumFee) {
    }

    public record PlanBody(@NotBlank @Size(max = 100) String name, @NotNull @Digits(integer = 3, fraction = 4) BigDecimal commissionPercent,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull PriceBody> prices) {
    }

    public record RunBody(@NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2026-10") String period) {
    }

    @Inject
    Plans plans;

    @Inject
    BillingRuns runs;

    @Inject
    Caller caller;

    @GET
    @Path("plans")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The billing plans: commission on delivered orders, monthly fee and minimum per currency")
    public List<PlanView> plans() {
        return plans.list(caller.actor());
    }

    @PUT
    @Path("plans/{id}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Set a plan's name, commission and prices (applies to what is accrued and billed from now on)")
    public PlanView revise(@PathParam("id") String id, @Valid @NotNull PlanBody body) {
        return plans.revise(caller.actor(), id, body.name(), body.commissionPercent(),
                body.prices().stream().map(p -> new Plan.Price(p.currency(), p.monthlyFee(), p.minimumFee())).toList());
    }

    @POST
    @Path("runs")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Bill every tenant for a finished month now (the same run is scheduled on the 1st); nobody is billed twice")
    public BillingRunReport run(@Valid @NotNull RunBody body) {
        return runs.start(caller.actor(), YearMonth.parse(body.period()));
    }
}
