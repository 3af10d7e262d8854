package org.clutch.web.notifications;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationView;
import org.clutch.platform.Page;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** The caller's stored notifications: the customer's own, or the shop's for its staff. */
@Path("notifications")
@RolesAllowed({Roles.CUSTOMER, Roles.SHOP_STAFF})
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Notifications, newest first")
    public Page<NotificationView> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return notifications.list(caller.recipient(), unreadOnly, page, size);
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark a notification read")
    public NotificationView markRead(@PathParam("id") UUID id) {
        return notifications.markRead(caller.recipient(), id);
    }
}
