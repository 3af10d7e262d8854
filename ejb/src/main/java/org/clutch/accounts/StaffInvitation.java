package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.platform.NullableUuid;
import org.clutch.platform.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An invitation to join a tenant in a role. The invitee proves it holds the invitation with a one-time token
 * (only its SHA-256 is stored) and chooses a password; the invitation is then spent.
 */
@Entity
@Table(name = "staff_invitation")
public class StaffInvitation {

    public enum State { PENDING, ACCEPTED, REVOKED, EXPIRED }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "shop_id")
    @Convert(converter = NullableUuid.class)
    private UUID shopId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "invited_by")
    @Convert(converter = NullableUuid.class)
    private UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "accepted_user_id")
    @Convert(converter = NullableUuid.class)
    private UUID acceptedUserId;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected StaffInvitation() {
    }

    StaffInvitation(UUID tenantId, String email, String displayName, Role role, UUID shopId, String tokenHash, UUID invitedBy,
            OffsetDateTime now, OffsetDateTime expiresAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = UserAccount.normalizeEmail(email);
        this.displayName = displayName.strip();
        this.role = role;
        this.shopId = role.isShopRole() ? shopId : null;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public State stateAt(OffsetDateTime now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }

    /** Creates the invitee's account from this invitation; the invitation cannot be used again. */
    UserAccount accept(String chosenDisplayName, String passwordHash, OffsetDateTime now) {
        UserAccount account = UserAccount.staff(email, chosenDisplayName == null || chosenDisplayName.isBlank() ? displayName
                : chosenDisplayName, passwordHash, role, tenantId, shopId, now);
        acceptedAt = now;
        acceptedUserId = account.id();
        return account;
    }

    void revoke(OffsetDateTime now) {
        if (revokedAt == null && acceptedAt == null) {
            revokedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public UUID shopId() {
        return shopId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
