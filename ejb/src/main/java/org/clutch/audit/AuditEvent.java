package org.clutch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.platform.NullableUuid;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the audit log: what happened, when, by which account, to what, from which address. Never
 * changed once written. Holds ids rather than personal data.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "tenant_id")
    @Convert(converter = NullableUuid.class)
    private UUID tenantId;

    @Column(name = "actor_user_id")
    @Convert(converter = NullableUuid.class)
    private UUID actorUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "target_type")
    private String targetType;

    @Column(name = "target_id")
    @Convert(converter = NullableUuid.class)
    private UUID targetId;

    private String address;

    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(AuditEntry entry, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.occurredAt = now;
        this.tenantId = entry.tenantId();
        this.actorUserId = entry.actorUserId();
        this.action = entry.action();
        this.targetType = entry.targetType();
        this.targetId = entry.targetId();
        this.address = entry.address();
        this.detail = entry.detail() == null || entry.detail().length() <= 500 ? entry.detail() : entry.detail().substring(0, 500);
    }

    public AuditEventView view() {
        return new AuditEventView(id, occurredAt, action, tenantId, actorUserId, targetType, targetId, address, detail);
    }
}
