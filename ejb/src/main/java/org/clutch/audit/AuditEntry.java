package org.clutch.audit;

import java.util.UUID;

/**
 * What to record: the action, the tenant it concerns (null for customers and platform-wide events), the
 * account that did it (null when unknown), the thing it was done to, the client address and a short detail.
 */
public record AuditEntry(AuditAction action, UUID tenantId, UUID actorUserId, String targetType, UUID targetId, String address,
        String detail) {

    public static AuditEntry of(AuditAction action, UUID tenantId, UUID actorUserId) {
        return new AuditEntry(action, tenantId, actorUserId, null, null, null, null);
    }

    public AuditEntry target(String type, UUID id) {
        return new AuditEntry(action, tenantId, actorUserId, type, id, address, detail);
    }

    public AuditEntry from(String clientAddress) {
        return new AuditEntry(action, tenantId, actorUserId, targetType, targetId, clientAddress, detail);
    }

    public AuditEntry detail(String text) {
        return new AuditEntry(action, tenantId, actorUserId, targetType, targetId, address, text);
    }
}
