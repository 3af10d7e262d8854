package org.clutch.accounts;

import org.clutch.platform.Role;

import java.util.List;
import java.util.UUID;

/**
 * What a login or a refresh hands the client: a short-lived access token and the session's next refresh token.
 * Right after enrolling a second factor it also carries the backup codes, the only time they are shown.
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId, Role role, List<String> backupCodes) {

    TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId, Role role) {
        this(accessToken, refreshToken, expiresIn, sessionId, role, null);
    }

    TokenPair withBackupCodes(List<String> codes) {
        return new TokenPair(accessToken, refreshToken, expiresIn, sessionId, role, codes);
    }
}
