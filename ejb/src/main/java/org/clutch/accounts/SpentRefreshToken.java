package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A refresh token that was rotated away. Seeing it again means it was copied: the session is ended. */
@Entity
@Table(name = "spent_refresh_token")
public class SpentRefreshToken {

    @Id
    @Column(name = "refresh_hash")
    private String refreshHash;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "spent_at", nullable = false)
    private OffsetDateTime spentAt;

    protected SpentRefreshToken() {
    }

    SpentRefreshToken(String refreshHash, UUID sessionId, OffsetDateTime spentAt) {
        this.refreshHash = refreshHash;
        this.sessionId = sessionId;
        this.spentAt = spentAt;
    }

    UUID sessionId() {
        return sessionId;
    }
}
