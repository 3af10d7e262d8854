package org.clutch.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One row of an invoice list. */
public record InvoiceSummary(UUID id, UUID tenantId, String number, LocalDate periodStart, LocalDate issueDate, LocalDate dueDate,
        InvoiceStatus status, String currency, BigDecimal total) {

    static InvoiceSummary of(Invoice i) {
        return new InvoiceSummary(i.id(), i.tenantId(), i.reference(), i.periodStart(), i.issueDate(), i.dueDate(), i.status(),
                i.currency(), i.total());
    }
}
