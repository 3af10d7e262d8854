package org.clutch.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import org.clutch.accounts.Claims;
import org.clutch.notifications.Recipient;
import org.clutch.partners.PartnerBuyers;
import org.clutch.platform.Actor;
import org.clutch.platform.Role;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** Who is calling, from the verified token only: never from a header or the request body. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    @Inject
    PartnerBuyers partnerBuyers;

    @Inject
    ClientAddresses addresses;

    private Actor actor;
    private Actor marketplaceActor;

    public Actor actor() {
        if (actor == null) {
            if (jwt == null || jwt.getSubject() == null) {
                throw new NotAuthorizedException("Bearer");
            }
            actor = Claims.actor(jwt.getSubject(), this::claim);
        }
        return actor;
    }

    /**
     * Who the caller is as a party to parts requests and orders: itself, or for a partner (a fleet, an insurer) the
     * marketplace customer it buys as.
     */
    public Actor marketplaceActor() {
        if (marketplaceActor == null) {
            marketplaceActor = actor().role() == Role.PARTNER ? partnerBuyers.buyerFor(actor()) : actor();
        }
        return marketplaceActor;
    }

    /**
     * The scopes an API key's token is bound to; empty for a person's token, which no scope binds (its role does).
     */
    public Optional<Set<String>> keyScopes() {
        String scope = jwt == null ? null : claim(Claims.SCOPE);
        if (scope == null) {
            return Optional.empty();
        }
        return Optional.of(scope.isBlank() ? Set.of() : Set.of(scope.strip().split(" +")));
    }

    /** The notification inbox of the caller: the customer's, or the shop's for shop staff. */
    public Recipient recipient() {
        return Recipient.of(actor());
    }

    /** The client's network address, for login throttling and the audit log. */
    public String address() {
        return addresses.of(request);
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
