package org.clutch.partners;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A partner's traffic as platform admins see it: messages taken and refused, the last one, and the latest refusals
 * (each also waiting on the partner's dead-letter address) with their codes and reasons.
 */
public record PartnerTraffic(UUID tenantId, String name, long applied, long refused, OffsetDateTime lastMessageAt,
        List<Refusal> recentRefusals) {

    public record Refusal(String messageId, String type, OffsetDateTime receivedAt, String code, String reason) {
    }
}
