package org.clutch.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.platform.NullableUuid;

import java.util.UUID;

/**
 * A development identity: a user name bound to exactly one customer or one shop, for which the development
 * token endpoint issues a signed JWT. The accounts issue replaces this with real login.
 */
@Entity
@Table(name = "app_user")
public class DevIdentity {

    public enum Role { CUSTOMER, SHOP_STAFF }

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "customer_id")
    @Convert(converter = NullableUuid.class)
    private UUID customerId;

    @Column(name = "shop_id")
    @Convert(converter = NullableUuid.class)
    private UUID shopId;

    protected DevIdentity() {
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID shopId() {
        return shopId;
    }
}
