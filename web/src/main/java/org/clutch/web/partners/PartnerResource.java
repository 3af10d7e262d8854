package org.clutch.web.partners;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clutch.accounts.BrokerAccountView;
import org.clutch.accounts.BrokerAccounts;
import org.clutch.partners.PartnerTraffic;
import org.clutch.partners.PartnerTrafficReport;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** Partners' connections to the broker and their traffic, for platform admins. */
@Path("partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    @Inject
    BrokerAccounts brokerAccounts;

    @Inject
    PartnerTrafficReport traffic;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Every partner's traffic: messages taken and refused, the last one, the latest refusals")
    public List<PartnerTraffic> partners() {
        return traffic.all(caller.actor());
    }

    @GET
    @Path("{tenantId}/traffic")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "A partner's traffic: messages taken and refused, the last one, the latest refusals with their codes "
            + "and reasons (each also on the partner's dead-letter address)")
    public PartnerTraffic traffic(@PathParam("tenantId") UUID tenantId) {
        return traffic.of(caller.actor(), tenantId);
    }

    @POST
    @Path("{tenantId}/broker-account")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Issue a partner's broker account (user and password, the password only in this answer) with its "
            + "addresses; issuing again replaces the password")
    public BrokerAccountView issueBrokerAccount(@PathParam("tenantId") UUID tenantId) {
        return brokerAccounts.issueForPartner(caller.actor(), tenantId);
    }

    @GET
    @Path("{tenantId}/broker-account")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "A partner's broker account: user, addresses, when issued or revoked (never the password)")
    public BrokerAccountView brokerAccount(@PathParam("tenantId") UUID tenantId) {
        return brokerAccounts.ofPartner(caller.actor(), tenantId);
    }

    @DELETE
    @Path("{tenantId}/broker-account")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Revoke a partner's broker account: it can no longer connect")
    public BrokerAccountView revokeBrokerAccount(@PathParam("tenantId") UUID tenantId) {
        return brokerAccounts.revokeForPartner(caller.actor(), tenantId);
    }
}
