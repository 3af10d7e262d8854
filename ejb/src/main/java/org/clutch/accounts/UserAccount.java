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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.OptionalLong;
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

    @Column(name = "mfa_secret")
    @Convert(converter = EncryptedSecret.class)
    private String mfaSecret;

    @Column(name = "mfa_enabled_at")
    private OffsetDateTime mfaEnabledAt;

    @Column(name = "mfa_last_step", nullable = false)
    private long mfaLastStep;

    @Column(name = "mfa_pending_secret")
    @Convert(converter = EncryptedSecret.class)
    private String mfaPendingSecret;

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

    /** A person of a tenant: shop staff or manager (bound to a shop of the tenant), tenant admin or partner user. */
    public static UserAccount staff(String email, String displayName, String passwordHash, Role role, UUID tenantId, UUID shopId,
            OffsetDateTime now) {
        return new UserAccount(email, displayName, passwordHash, role, tenantId, role.isShopRole() ? shopId : null, null, now);
    }

    public static UserAccount platformAdmin(String email, String passwordHash, OffsetDateTime now) {
        return new UserAccount(email, "Platform administrator", passwordHash, Role.PLATFORM_ADMIN, null, null, null, now);
    }

    /** E-mail addresses are compared without regard to case or surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Erases the person from the account (at their request): no e-mail, name, password or second factor is left, and
     * it can never log in again. The row stays, so that what refers to it (orders, the audit log) still does.
     */
    public void erase() {
        email = "erased-" + id + "@erased.invalid";
        displayName = "Erased customer";
        passwordHash = null;
        status = Status.DISABLED;
        mfaSecret = null;
        mfaPendingSecret = null;
        mfaEnabledAt = null;
    }

    public boolean canLogIn() {
        return status == Status.ACTIVE && passwordHash != null;
    }

    /** The actor this account is within one login session. */
    public Actor actorIn(UUID sessionId) {
        return new Actor(id, role, tenantId, shopId, customerId, sessionId);
    }

    /** Gives the account another role of its tenant (and the shop a shop role works at). */
    void assign(Role newRole, UUID newShopId) {
        this.role = newRole;
        this.shopId = newRole.isShopRole() ? newShopId : null;
    }

    void disable() {
        status = Status.DISABLED;
    }

    void enable() {
        status = Status.ACTIVE;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    // ---- second factor ---------------------------------------------------------------------------------------

    public boolean mfaEnabled() {
        return mfaSecret != null;
    }

    boolean mfaEnrolmentStarted() {
        return mfaPendingSecret != null;
    }

    /** Remembers a new secret to be confirmed with a first code; answers it for the authenticator app. */
    String startMfaEnrolment() {
        mfaPendingSecret = Totp.newSecret();
        return mfaPendingSecret;
    }

    /** Turns the second factor on if the code matches the secret being enrolled. */
    boolean confirmMfaEnrolment(String code, Instant now) {
        if (mfaPendingSecret == null) {
            return false;
        }
        OptionalLong step = Totp.verify(mfaPendingSecret, code, now, 0);
        if (step.isEmpty()) {
            return false;
        }
        mfaSecret = mfaPendingSecret;
        mfaPendingSecret = null;
        mfaLastStep = step.getAsLong();
        mfaEnabledAt = now.atOffset(java.time.ZoneOffset.UTC);
        return true;
    }

    /** Whether the code is the authenticator's current one and was not used before; a used code is spent. */
    boolean acceptTotp(String code, Instant now) {
        if (mfaSecret == null) {
            return false;
        }
        OptionalLong step = Totp.verify(mfaSecret, code, now, mfaLastStep);
        step.ifPresent(s -> mfaLastStep = s);
        return step.isPresent();
    }

    void disableMfa() {
        mfaSecret = null;
        mfaPendingSecret = null;
        mfaEnabledAt = null;
        mfaLastStep = 0;
    }

    public OffsetDateTime mfaEnabledAt() {
        return mfaEnabledAt;
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
