package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One login of one account on one device. It holds the hash of the current refresh token only; each refresh
 * replaces it (rotation). Revoked or past its absolute expiry, the session refreshes nothing and its access
 * tokens are refused.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String device;

    private String address;

    @Column(name = "refresh_hash", nullable = false)
    private String refreshHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    private OffsetDateTime lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    @Version
    private long version;

    protected AuthSession() {
    }

    AuthSession(UUID userId, String device, String address, String refreshHash, OffsetDateTime now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.device = device;
        this.address = address;
        this.refreshHash = refreshHash;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    public boolean isActiveAt(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Replaces the refresh token; returns the hash of the one it replaced, which must never work again. */
    String rotate(String newRefreshHash, String fromAddress, OffsetDateTime now) {
        String spent = refreshHash;
        refreshHash = newRefreshHash;
        address = fromAddress;
        lastUsedAt = now;
        return spent;
    }

    /** Ends the session; the first reason given is kept. */
    void revoke(String reason, OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String device() {
        return device;
    }

    public String address() {
        return address;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
