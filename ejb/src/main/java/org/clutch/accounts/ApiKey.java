package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.platform.Actor;
import org.clutch.platform.NullableUuid;
import org.clutch.platform.Role;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A partner system's credential. The key itself ({@code clutch_} and 43 random characters) exists only in the
 * answer that creates it; the database keeps its SHA-256 and the first characters to recognise it by.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    static final String KEY_PREFIX = "clutch_";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    /** Scope values separated by spaces, as in the token's {@code scope} claim. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "last_used_address")
    private String lastUsedAddress;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    @Convert(converter = NullableUuid.class)
    private UUID revokedBy;

    @Version
    private long version;

    protected ApiKey() {
    }

    /** A new key; the secret to show once is {@link #KEY_PREFIX} + {@code secret}. */
    ApiKey(UUID tenantId, String name, List<ApiScope> scopes, String secret, UUID createdBy, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.strip();
        this.prefix = KEY_PREFIX + secret.substring(0, 8);
        this.secretHash = SecretTokens.sha256(KEY_PREFIX + secret);
        this.scopes = String.join(" ", scopes.stream().map(ApiScope::value).distinct().sorted().toList());
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isActiveAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void used(String address, OffsetDateTime now) {
        lastUsedAt = now;
        lastUsedAddress = address;
    }

    void revoke(UUID by, OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    /** The partner this key acts for: its tenant, with the key standing in for account and session. */
    Actor actor() {
        return new Actor(id, Role.PARTNER, tenantId, null, null, id);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> scopes() {
        return scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedAddress() {
        return lastUsedAddress;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
