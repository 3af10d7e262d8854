package org.clutch.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of the audit log; any may be null. The tenant filter is honoured for platform admins only. */
public record AuditQuery(AuditAction action, UUID actorUserId, UUID tenantId, OffsetDateTime from, OffsetDateTime to) {
}
