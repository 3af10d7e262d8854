package org.clutch.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import org.clutch.notifications.Recipient;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Who is calling, from the verified token only: never from a header or the request body. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public UUID customerId() {
        return uuidClaim(Claims.CUSTOMER_ID);
    }

    public UUID shopId() {
        return uuidClaim(Claims.SHOP_ID);
    }

    /** The notification inbox of the caller: the customer's, or the shop's for shop staff. */
    public Recipient recipient() {
        return jwt.getGroups().contains(Roles.SHOP_STAFF) ? Recipient.shop(shopId()) : Recipient.customer(customerId());
    }

    private UUID uuidClaim(String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            throw new ForbiddenException("the token is not bound to a " + name.replace("_id", ""));
        }
        return UUID.fromString(value.toString().replace("\"", ""));
    }
}
