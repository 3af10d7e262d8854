package org.clutch.accounts;

import org.clutch.jms.Destinations;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A shop's broker account as its admins see it: the user the desktop connects as, where it may send and read, and
 * the secret only in the answer that issues it (null otherwise).
 */
public record BrokerAccountView(UUID shopId, String username, String password, String sendTo, String readFrom,
        OffsetDateTime issuedAt, OffsetDateTime revokedAt) {

    static BrokerAccountView of(BrokerAccount account, String secret) {
        return new BrokerAccountView(account.shopId(), account.username(), secret, Destinations.SYNC_INBOUND,
                Destinations.shopInbox(account.shopId()), account.issuedAt(), account.revokedAt());
    }
}
