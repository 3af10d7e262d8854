package org.clutch.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The half-way point of a login that needs a second factor: the password was right, the code is still due. It
 * remembers the device and address the login came from, lives a few minutes and allows a few wrong codes.
 */
@Entity
@Table(name = "mfa_challenge")
public class MfaChallenge {

    static final int MAX_ATTEMPTS = 5;

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    /** The account must first enrol (its tenant requires a second factor it does not have yet). */
    @Column(nullable = false)
    private boolean enrolment;

    @Column(nullable = false)
    private String device;

    private String address;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected MfaChallenge() {
    }

    MfaChallenge(UUID userId, String tokenHash, boolean enrolment, String device, String address, OffsetDateTime now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.enrolment = enrolment;
        this.device = device;
        this.address = address;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    boolean isOpenAt(OffsetDateTime now) {
        return usedAt == null && attempts < MAX_ATTEMPTS && now.isBefore(expiresAt);
    }

    void failedAttempt() {
        attempts++;
    }

    void use(OffsetDateTime now) {
        usedAt = now;
    }

    UUID userId() {
        return userId;
    }

    boolean enrolment() {
        return enrolment;
    }

    String device() {
        return device;
    }
}
