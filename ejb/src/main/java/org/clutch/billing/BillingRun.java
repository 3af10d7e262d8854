package org.clutch.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clutch.platform.NullableUuid;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The record of one billing run: which month, who started it, what it issued, and what it could not bill and why. */
@Entity
@Table(name = "billing_run")
public class BillingRun {

    @Id
    private UUID id;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(nullable = false)
    private String trigger;

    @Column(name = "triggered_by")
    @Convert(converter = NullableUuid.class)
    private UUID triggeredBy;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at", nullable = false)
    private OffsetDateTime finishedAt;

    @Column(nullable = false)
    private int tenants;

    @Column(nullable = false)
    private int issued;

    @Column(name = "already_billed", nullable = false)
    private int alreadyBilled;

    @Column(nullable = false)
    private int failed;

    @Column(nullable = false)
    private String report;

    protected BillingRun() {
    }

    BillingRun(LocalDate periodStart, String trigger, UUID triggeredBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            List<InvoiceIssuer.Outcome> outcomes) {
        this.id = UUID.randomUUID();
        this.periodStart = periodStart;
        this.trigger = trigger;
        this.triggeredBy = triggeredBy;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.tenants = outcomes.size();
        this.issued = count(outcomes, InvoiceIssuer.Result.ISSUED);
        this.alreadyBilled = count(outcomes, InvoiceIssuer.Result.ALREADY_BILLED);
        this.failed = count(outcomes, InvoiceIssuer.Result.FAILED);
        this.report = String.join("\n", outcomes.stream()
                .filter(o -> o.result() == InvoiceIssuer.Result.FAILED || o.detail().contains("not billed"))
                .map(o -> "tenant " + o.tenantId() + ": " + o.result() + " " + o.detail()).toList());
    }

    private static int count(List<InvoiceIssuer.Outcome> outcomes, InvoiceIssuer.Result result) {
        return (int) outcomes.stream().filter(o -> o.result() == result).count();
    }

    public UUID id() {
        return id;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public String trigger() {
        return trigger;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public int tenants() {
        return tenants;
    }

    public int issued() {
        return issued;
    }

    public int alreadyBilled() {
        return alreadyBilled;
    }

    public int failed() {
        return failed;
    }

    public String report() {
        return report;
    }
}
