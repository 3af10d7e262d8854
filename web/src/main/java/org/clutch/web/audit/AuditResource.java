package org.clutch.web.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEventView;
import org.clutch.audit.AuditQuery;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.Page;
import org.clutch.web.problem.QueryParameters;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The security audit log: a tenant admin reads its tenant's entries, a platform admin everyone's. */
@Path("audit-events")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Audit log entries, newest first, filtered by action, account, tenant (platform admins) and time")
    public Page<AuditEventView> search(@QueryParam("action") String action,
            @QueryParam("userId") String userId,
            @QueryParam("tenantId") String tenantId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        QueryParameters p = new QueryParameters();
        AuditQuery query = new AuditQuery(p.oneOf("action", action, AuditAction.class), p.uuid("userId", userId),
                p.uuid("tenantId", tenantId), p.timestamp("from", from), p.timestamp("to", to));
        p.check();
        return audit.search(caller.actor(), query, page, size);
    }
}
