package org.clutch.platform;

import java.util.Arrays;
import java.util.UUID;

/**
 * Who a service works for, taken from the verified access token and nothing else. Every service method that
 * acts for a person takes one; {@link RowScope} states it to PostgreSQL for row-level security, and the
 * accessors below refuse what the role does not allow, so a permission is checked in the service and not only
 * at the REST edge.
 */
public record Actor(UUID userId, Role role, UUID tenantId, UUID shopId, UUID customerId, UUID sessionId) {

    public boolean has(Role wanted) {
        return role.granted().contains(wanted);
    }

    /** Refuses unless the actor holds one of the roles. */
    public Actor require(Role... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::has)) {
            throw new PermissionDeniedException("this needs the role " + Arrays.toString(anyOf));
        }
        return this;
    }

    /** The car owner this actor is; refused for anyone who is not a customer. */
    public UUID customer() {
        require(Role.CUSTOMER);
        return customerId;
    }

    /** The shop this staff member works at; refused for anyone not bound to a shop. */
    public UUID shop() {
        require(Role.SHOP_STAFF);
        return shopId;
    }

    /** The tenant this actor belongs to; refused for customers and platform admins. */
    public UUID tenant() {
        if (tenantId == null) {
            throw new PermissionDeniedException("this needs an account of a tenant");
        }
        return tenantId;
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }
}
