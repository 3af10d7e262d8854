package org.clutch.web.accounts;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.AccessTokens;
import org.clutch.accounts.ApiKeyCredentials;
import org.clutch.accounts.Authentication;
import org.clutch.accounts.LoginOutcome;
import org.clutch.web.problem.Problem;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Login with e-mail and password, refresh-token rotation, logout, and the public keys of access tokens. */
@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password,
            @Size(max = 200) String device) {
    }

    public record SecondFactor(@NotBlank @Size(max = 200) String challenge, @NotBlank @Size(max = 20) String code) {
    }

    public record ApiKeyExchange(@NotBlank @Size(max = 200) String apiKey) {
    }

    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Inject
    Authentication authentication;

    @Inject
    ApiKeyCredentials apiKeys;

    @Inject
    AccessTokens tokens;

    @Inject
    Caller caller;

    @GET
    @Path("jwks")
    @PermitAll
    @Operation(summary = "The public keys that verify access tokens (a JSON Web Key Set: the current key and, while keys "
            + "rotate, the previous one), for services that check Clutch's tokens themselves")
    public Response publicKeys() {
        return Response.ok(tokens.publicKeys()).header("Cache-Control", "public, max-age=300").build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(summary = "Log in: a short-lived access token and a refresh token for this device")
    public Response login(@Valid @NotNull Login body) {
        String device = body.device() == null || body.device().isBlank() ? "unnamed device" : body.device().strip();
        return answer(authentication.login(body.email(), body.password(), device, caller.address()), "Invalid e-mail or password.");
    }

    @POST
    @Path("login/second-factor")
    @PermitAll
    @Operation(summary = "Second step of a login that needs one: the challenge and a code from the authenticator app or a backup code")
    public Response secondFactor(@Valid @NotNull SecondFactor body) {
        return answer(authentication.completeLogin(body.challenge(), body.code(), caller.address()),
                "Invalid or expired challenge, or wrong code.");
    }

    @POST
    @Path("api-key")
    @PermitAll
    @Operation(summary = "A partner system exchanges its API key for a short-lived access token (role PARTNER, the key's scopes)")
    public Response exchangeApiKey(@Valid @NotNull ApiKeyExchange body) {
        return switch (apiKeys.exchange(body.apiKey(), caller.address())) {
            case ApiKeyCredentials.Outcome.Granted granted -> Response.ok(granted.token()).build();
            case ApiKeyCredentials.Outcome.Refused refused -> invalidCredentials("This API key is not valid (unknown, revoked or expired).");
            case ApiKeyCredentials.Outcome.Throttled throttled -> throttled(throttled.retryAfter());
        };
    }

    /**
     * Tokens; or, when a second factor is due, the challenge to answer with a code (still 200: the password was
     * right, and the client tells the two apart by {@code accessToken} or {@code challenge}); or 401 / 429.
     */
    private static Response answer(LoginOutcome outcome, String refusal) {
        return switch (outcome) {
            case LoginOutcome.Granted granted -> Response.ok(granted.tokens()).build();
            case LoginOutcome.SecondFactorRequired due -> Response.ok(due).build();
            case LoginOutcome.Refused refused -> invalidCredentials(refusal);
            case LoginOutcome.Throttled throttled -> throttled(throttled.retryAfter());
        };
    }

    /** 429 with Retry-After for a client whose address or account is locked after failed attempts. */
    static Response throttled(java.time.Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return Problem.of("login-throttled", "Too many failed logins", Response.Status.TOO_MANY_REQUESTS,
                "Too many failed logins; try again in " + minutes + " minute(s).").toResponse(retryAfter);
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token for a new pair; the old refresh token stops working")
    public Response refresh(@Valid @NotNull Refresh body) {
        return authentication.refresh(body.refreshToken(), caller.address())
                .map(tokens -> Response.ok(tokens).build())
                .orElseGet(() -> invalidCredentials("This refresh token is not valid (expired, revoked or already used); log in again."));
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.CUSTOMER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "End this session; its access and refresh tokens stop working")
    public Response logout() {
        authentication.logout(caller.actor(), caller.address());
        return Response.noContent().build();
    }

    @POST
    @Path("logout-all")
    @RolesAllowed({Roles.CUSTOMER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "End every session of this account, on all devices")
    public Response logoutAll() {
        authentication.logoutAll(caller.actor(), caller.address());
        return Response.noContent().build();
    }

    private static Response invalidCredentials(String detail) {
        return Response.fromResponse(Problem.of("invalid-credentials", "Not authenticated", Response.Status.UNAUTHORIZED, detail)
                .toResponse()).header("WWW-Authenticate", "Bearer").build();
    }
}
