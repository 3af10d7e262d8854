package org.clutch.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit log entry as admins read it. */
public record AuditEventView(UUID id, OffsetDateTime occurredAt, AuditAction action, UUID tenantId, UUID actorUserId,
        String targetType, UUID targetId, String address, String detail) {
}
