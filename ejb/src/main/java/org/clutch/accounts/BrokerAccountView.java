package org.clutch.accounts;

import org.clutch.jms.Destinations;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A broker account as its admins see it: the user a shop's desktop or a partner's system connects as, where it may
 * send and read (and, for a partner, where its refused messages go), and the secret only in the answer that issues
 * it (null otherwise).
 */
public record BrokerAccountView(UUID tenantId, UUID shopId, String username, String password, String sendTo, String readFrom,
        String deadLetters, OffsetDateTime issuedAt, OffsetDateTime revokedAt) {

    static BrokerAccountView of(BrokerAccount account, String secret) {
        if (account.isPartner()) {
            return new BrokerAccountView(account.tenantId(), null, account.username(), secret, Destinations.PARTNER_INBOUND,
                    Destinations.partnerOutbound(account.tenantId()), Destinations.partnerDeadLetters(account.tenantId()),
                    account.issuedAt(), account.revokedAt());
        }
        return new BrokerAccountView(account.tenantId(), account.shopId(), account.username(), secret, Destinations.SYNC_INBOUND,
                Destinations.shopInbox(account.shopId()), null, account.issuedAt(), account.revokedAt());
    }
}
