package org.clutch.web.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clutch.accounts.MfaKeyRotation;
import org.clutch.web.security.Caller;
import org.clutch.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rotating the key that seals authenticator secrets (docs/operations.md), for platform admins. */
@Path("platform/mfa-key-rotation")
@Produces(MediaType.APPLICATION_JSON)
public class MfaKeyRotationResource {

    @Inject
    MfaKeyRotation rotation;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Seal every authenticator secret still under a previous key (CLUTCH_MFA_PREVIOUS_ENCRYPTION_KEYS) "
            + "again under the current one; afterwards the previous key can be dropped")
    public MfaKeyRotation.Outcome reseal() {
        return rotation.resealAll(caller.actor(), caller.address());
    }
}
