package org.clutch.web.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clutch.accounts.AccountView;
import org.clutch.accounts.Authentication;
import org.clutch.accounts.MfaSettings;
import org.clutch.accounts.SessionView;
import org.clutch.privacy.AccountErasure;
import org.clutch.privacy.PersonalDataExport;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.clutch.web.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.UUID;

/** The caller's own account and login sessions. */
@Path("account")
@RolesAllowed({Roles.CUSTOMER, Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Authentication authentication;

    @Inject
    MfaSettings mfa;

    @Inject
    PersonalDataExport personalData;

    @Inject
    AccountErasure erasure;

    @Inject
    Caller caller;

    public record Code(@NotBlank @Size(max = 20) String code) {
    }

    public record Erasure(@NotNull @Size(max = 1024) String password) {
    }

    /** Backup codes, shown this once. */
    public record BackupCodes(List<String> backupCodes) {
    }

    @GET
    @SecurityRequirement(name = Scopes.BEARER_SCHEME)
    @SecurityRequirement(name = Scopes.KEY_SCHEME)
    @Operation(summary = "The caller's account: e-mail, role and what it is bound to")
    public AccountView me() {
        return authentication.account(caller.actor());
    }

    @GET
    @Path("sessions")
    @Operation(summary = "The caller's active sessions (device, address, created, last used); the current one is marked")
    public List<SessionView> sessions() {
        return authentication.sessions(caller.actor());
    }

    @GET
    @Path("personal-data")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Download everything the platform holds about the caller (JSON): account, sessions, parts requests "
            + "with their quotes, orders, notifications, security events")
    public Response downloadPersonalData() {
        return Response.ok(personalData.export(caller.actor(), caller.address()))
                .header("Content-Disposition", "attachment; filename=\"clutch-personal-data.json\"").build();
    }

    @POST
    @Path("erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Erase the caller's account now (password again): personal data erased or pseudonymised, open "
            + "requests cancelled, orders kept without the person; 409 while an order is under way")
    public Response erase(@Valid @NotNull Erasure body) {
        erasure.erase(caller.actor(), body.password(), caller.address());
        return Response.noContent().build();
    }

    @POST
    @Path("mfa/enrolment")
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Start adding an authenticator app: its secret and otpauth:// URI (for a QR code)")
    public MfaSettings.Enrolment startEnrolment() {
        return mfa.startEnrolment(caller.actor());
    }

    @POST
    @Path("mfa/enrolment/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Confirm the authenticator app with its first code; answers ten backup codes, shown once")
    public BackupCodes confirmEnrolment(@Valid @NotNull Code body) {
        return new BackupCodes(mfa.confirmEnrolment(caller.actor(), body.code(), caller.address()));
    }

    @POST
    @Path("mfa/backup-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Replace the backup codes (the old ones stop working); needs a current code")
    public BackupCodes replaceBackupCodes(@Valid @NotNull Code body) {
        return new BackupCodes(mfa.replaceBackupCodes(caller.actor(), body.code(), caller.address()));
    }

    @POST
    @Path("mfa/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHOP_STAFF, Roles.TENANT_ADMIN, Roles.PARTNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Turn the second factor off (not where the tenant requires it); needs a current code")
    public Response disableMfa(@Valid @NotNull Code body) {
        mfa.disable(caller.actor(), body.code(), caller.address());
        return Response.noContent().build();
    }

    @DELETE
    @Path("sessions/{sessionId}")
    @Operation(summary = "Revoke one of the caller's sessions (e.g. a lost phone)")
    public Response revoke(@PathParam("sessionId") UUID sessionId) {
        authentication.revokeSession(caller.actor(), sessionId, caller.address());
        return Response.noContent().build();
    }
}
