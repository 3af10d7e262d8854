package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.platform.Actor;
import org.clutch.platform.NullableUuid;
import org.clutch.platform.Role;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A person who logs in: an e-mail, a password hash, one role and what the role binds it to (a customer; a shop
 * of a tenant; a tenant; nothing for platform admins). The database checks that the binding fits the role.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    public enum Status { ACTIVE, DISABLED }

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "tenant_id")
    @Convert(converter = NullableUuid.class)
    private UUID tenantId;

    @Column(name = "shop_id")
    @Convert(converter = NullableUuid.class)
    private UUID shopId;

    @Column(name = "customer_id")
    @Convert(converter = NullableUuid.class)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    private UserAccount(String email, String displayName, String passwordHash, Role role, UUID tenantId, UUID shopId,
            UUID customerId, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.email = normalizeEmail(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        this.tenantId = tenantId;
        this.shopId = shopId;
        this.customerId = customerId;
        this.status = Status.ACTIVE;
        this.createdAt = now;
    }

    public static UserAccount customer(String email, String displayName, String passwordHash, UUID customerId, OffsetDateTime now) {
        return new UserAccount(email, displayName, passwordHash, Role.CUSTOMER, null, null, customerId, now);
    }

    public static UserAccount platformAdmin(String email, String passwordHash, OffsetDateTime now) {
        return new UserAccount(email, "Platform administrator", passwordHash, Role.PLATFORM_ADMIN, null, null, null, now);
    }

    /** E-mail addresses are compared without regard to case or surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean canLogIn() {
        return status == Status.ACTIVE && passwordHash != null;
    }

    /** The actor this account is within one login session. */
    public Actor actorIn(UUID sessionId) {
        return new Actor(id, role, tenantId, shopId, customerId, sessionId);
    }

    void rehashPassword(String newHash) {
        this.passwordHash = newHash;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID shopId() {
        return shopId;
    }

    public UUID customerId() {
        return customerId;
    }
}
