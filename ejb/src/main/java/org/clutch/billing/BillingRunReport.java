package org.clutch.billing;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** What a billing run did, tenant by tenant. */
public record BillingRunReport(UUID id, YearMonth period, String trigger, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        int tenants, int issued, int alreadyBilled, int failed, List<InvoiceIssuer.Outcome> outcomes) {
}
