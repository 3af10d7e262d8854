package org.clutch.accounts;

import org.clutch.platform.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An invitation as its tenant's admins see it. {@code acceptToken} is present only in the answer that creates the
 * invitation: it is not stored, so it cannot be shown again (a lost one is replaced by inviting again).
 */
public record InvitationView(UUID id, String email, String displayName, Role role, UUID shopId, StaffInvitation.State state,
        OffsetDateTime createdAt, OffsetDateTime expiresAt, String acceptToken) {

    static InvitationView of(StaffInvitation i, OffsetDateTime now, String acceptToken) {
        return new InvitationView(i.id(), i.email(), i.displayName(), i.role(), i.shopId(), i.stateAt(now), i.createdAt(),
                i.expiresAt(), acceptToken);
    }
}
