package org.clutch.accounts;

import org.clutch.platform.Role;

import java.util.UUID;

/** What a login or a refresh hands the client: a short-lived access token and the session's next refresh token. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId, Role role) {
}
