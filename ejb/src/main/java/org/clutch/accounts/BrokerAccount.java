package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.jms.BrokerAccountNames;
import org.clutch.platform.NullableUuid;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A shop desktop's or a partner system's account on the message broker. The secret exists only in the answer that issues it; issuing
 * again replaces it (the old one stops working at the desktop's next connect), revoking stops the account.
 */
@Entity
@Table(name = "broker_account")
public class BrokerAccount {

    @Id
    private String username;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    /** The shop whose desktop this is; none for a partner's account. */
    @Column(name = "shop_id")
    @Convert(converter = NullableUuid.class)
    private UUID shopId;

    @Column(name = "secret_sha256", nullable = false)
    private String secretHash;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "issued_by", nullable = false)
    private UUID issuedBy;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected BrokerAccount() {
    }

    private BrokerAccount(String username, UUID tenantId, UUID shopId) {
        this.username = username;
        this.tenantId = tenantId;
        this.shopId = shopId;
    }

    static BrokerAccount forShop(UUID tenantId, UUID shopId) {
        return new BrokerAccount(BrokerAccountNames.shopUser(shopId), tenantId, shopId);
    }

    static BrokerAccount forPartner(UUID partnerTenantId) {
        return new BrokerAccount(BrokerAccountNames.partnerUser(partnerTenantId), partnerTenantId, null);
    }

    /** A new secret (answered once), replacing any earlier one; a revoked account works again. */
    String issue(UUID by, OffsetDateTime now) {
        String secret = SecretTokens.random();
        secretHash = BrokerAccountNames.secretHash(secret);
        issuedAt = now;
        issuedBy = by;
        revokedAt = null;
        return secret;
    }

    void revoke(OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String username() {
        return username;
    }

    public UUID shopId() {
        return shopId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public boolean isPartner() {
        return shopId == null;
    }

    public OffsetDateTime issuedAt() {
        return issuedAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
