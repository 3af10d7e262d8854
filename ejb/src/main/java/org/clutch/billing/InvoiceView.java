package org.clutch.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An invoice as its tenant's admins and platform admins read it; {@code commissions} lists the entries it billed. */
public record InvoiceView(UUID id, UUID tenantId, String number, String legalName, String plan, LocalDate periodStart,
        LocalDate periodEnd, LocalDate issueDate, LocalDate dueDate, InvoiceStatus status, String currency, BigDecimal subtotal,
        BigDecimal taxRatePercent, BigDecimal tax, BigDecimal total, OffsetDateTime paidAt, OffsetDateTime voidedAt,
        String voidReason, long version, List<Line> lines, List<Entry> commissions) {

    public record Line(int lineNo, InvoiceLine.Kind kind, String description, int quantity, BigDecimal amount) {
    }

    public record Entry(String order, CommissionEntry.Kind kind, BigDecimal base, BigDecimal ratePercent, BigDecimal amount,
            String currency, OffsetDateTime at) {
    }

    static InvoiceView of(Invoice i, List<CommissionEntry> entries) {
        return new InvoiceView(i.id(), i.tenantId(), i.reference(), i.legalName(), i.planId(), i.periodStart(), i.periodEnd(),
                i.issueDate(), i.dueDate(), i.status(), i.currency(), i.subtotal(), i.taxRatePercent(), i.tax(), i.total(), i.paidAt(),
                i.voidedAt(), i.voidReason(), i.version(),
                i.lines().stream().map(l -> new Line(l.lineNo(), l.kind(), l.description(), l.quantity(), l.amount())).toList(),
                entries.stream().map(e -> new Entry("CL-" + e.orderNumber(), e.kind(), e.base().amount(), e.ratePercent(),
                        e.amount().amount(), e.amount().currencyCode(), e.occurredAt())).toList());
    }
}
