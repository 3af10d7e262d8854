package org.clutch.jms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * How broker accounts are named and their secrets kept, agreed by the backend that issues them and the broker that
 * checks them. A shop desktop connects as {@code shop-<shopId>}, a partner's system as {@code partner-<tenantId>}; the
 * broker stamps that name on what it sends ({@link #VALIDATED_USER}), so the backend knows who really sent a message.
 */
public final class BrokerAccountNames {

    private static final String SHOP_PREFIX = "shop-";
    private static final String PARTNER_PREFIX = "partner-";

    /** The message property in which the broker puts the account that sent the message (populate-validated-user). */
    public static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    private BrokerAccountNames() {
    }

    public static String shopUser(UUID shopId) {
        return SHOP_PREFIX + shopId;
    }

    /** A partner tenant's system connects as {@code partner-<tenantId>}. */
    public static String partnerUser(UUID partnerTenantId) {
        return PARTNER_PREFIX + partnerTenantId;
    }

    /** The shop a shop account belongs to; empty for any other account (the backend's own, a partner's). */
    public static Optional<UUID> shopOf(String user) {
        return idAfter(SHOP_PREFIX, user);
    }

    /** The partner tenant a partner account belongs to; empty for any other account. */
    public static Optional<UUID> partnerOf(String user) {
        return idAfter(PARTNER_PREFIX, user);
    }

    private static Optional<UUID> idAfter(String prefix, String user) {
        if (user == null || !user.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(user.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Secrets are random 256-bit values, kept as their SHA-256 (hex): no slow hash is needed to protect them. */
    public static String secretHash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
