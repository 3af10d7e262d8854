package org.clutch.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import org.clutch.accounts.Claims;
import org.clutch.notifications.Recipient;
import org.clutch.platform.Actor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token only: never from a header or the request body. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    private Actor actor;

    public Actor actor() {
        if (actor == null) {
            if (jwt == null || jwt.getSubject() == null) {
                throw new NotAuthorizedException("Bearer");
            }
            actor = Claims.actor(jwt.getSubject(), this::claim);
        }
        return actor;
    }

    /** The notification inbox of the caller: the customer's, or the shop's for shop staff. */
    public Recipient recipient() {
        return Recipient.of(actor());
    }

    /** The client's network address, for login throttling and the audit log. */
    public String address() {
        return request.getRemoteAddr();
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
