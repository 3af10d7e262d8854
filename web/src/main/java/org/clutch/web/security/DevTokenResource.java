package org.clutch.web.security;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clutch.tenancy.DevIdentity;
import org.clutch.tenancy.IdentityDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * Development only (clutch.dev-tokens.enabled): issues a token for a demo identity by user name, so the flow can
 * be tried before real login exists. Switched off, it answers 404 as if it did not exist.
 */
@Path("dev/tokens")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    public record TokenRequest(@NotBlank @Size(max = 100) String username) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String role, UUID customerId, UUID shopId) {
    }

    @Inject
    @ConfigProperty(name = "clutch.dev-tokens.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    IdentityDirectory identities;

    @Inject
    JwtTokens tokens;

    @POST
    @Operation(summary = "Development: a signed access token for a demo user (no password)")
    public TokenResponse issue(@Valid @NotNull TokenRequest request) {
        if (!enabled) {
            throw new NotFoundException();
        }
        DevIdentity identity = identities.findByUsername(request.username())
                .orElseThrow(() -> new org.clutch.platform.NotFoundException("user " + request.username()));
        String token = tokens.issue(identity.id().toString(), identity.username(), identity.role().name(),
                identity.customerId(), identity.shopId());
        return new TokenResponse(token, "Bearer", tokens.lifetimeSeconds(), identity.role().name(), identity.customerId(),
                identity.shopId());
    }
}
