package org.clutch.billing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.platform.Money;
import org.clutch.platform.StateConflictException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's bill for one month: the plan's subscription, the commission accrued on the month's deliveries less what
 * refunds reversed, a top-up to the plan's minimum fee, and tax at the tenant's rate, all in the tenant's currency.
 * Its number is the tenant's next, without gaps; it is issued, then paid, overdue or void (a void invoice keeps its
 * number, and its month may be billed again).
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private int number;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(name = "plan_id", nullable = false)
    private String planId;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal subtotal;

    @Column(name = "tax_rate_percent", nullable = false)
    private BigDecimal taxRatePercent;

    @Column(nullable = false)
    private BigDecimal tax;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    @Column(name = "voided_at")
    private OffsetDateTime voidedAt;

    @Column(name = "void_reason")
    private String voidReason;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Invoice() {
    }

    /** What a month's commission entries in the tenant's currency add up to. */
    public record Commission(int accruals, Money accrued, int reversals, Money reversed) {
    }

    /** Who is billed and how: the tenant's name, currency and tax rate, and its plan's fees in that currency. */
    public record Billed(UUID tenantId, String legalName, Currency currency, BigDecimal taxRatePercent, Plan plan, PlanPrice price) {
    }

    static Invoice issue(Billed billed, int number, BillingPeriod period, Commission commission, LocalDate issueDate, int paymentTermDays,
            OffsetDateTime now) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.tenantId = billed.tenantId();
        invoice.number = number;
        invoice.legalName = billed.legalName();
        invoice.planId = billed.plan().id();
        invoice.periodStart = period.firstDay();
        invoice.periodEnd = period.endDay();
        invoice.issueDate = issueDate;
        invoice.dueDate = issueDate.plusDays(paymentTermDays);
        invoice.status = InvoiceStatus.ISSUED;
        invoice.currency = billed.currency().getCurrencyCode();
        invoice.createdAt = now;

        Money subscription = billed.price().monthlyFee();
        invoice.add(InvoiceLine.Kind.SUBSCRIPTION, billed.plan().name() + " plan, " + period.month(), 1, subscription);
        Money net = subscription;
        if (commission.accruals() > 0) {
            invoice.add(InvoiceLine.Kind.COMMISSION, "Commission " + billed.plan().commissionPercent().stripTrailingZeros().toPlainString()
                    + "% on " + commission.accruals() + " delivered order" + (commission.accruals() == 1 ? "" : "s"),
                    commission.accruals(), commission.accrued());
            net = net.plus(commission.accrued());
        }
        if (commission.reversals() > 0) {
            Money credit = Money.zero(billed.currency()).minus(commission.reversed());
            invoice.add(InvoiceLine.Kind.REVERSAL, "Commission reversed on " + commission.reversals() + " refund"
                    + (commission.reversals() == 1 ? "" : "s"), commission.reversals(), credit);
            net = net.plus(credit);
        }
        Money minimum = billed.price().minimumFee();
        if (minimum.exceeds(net)) {
            invoice.add(InvoiceLine.Kind.MINIMUM_FEE, "Top-up to the monthly minimum of " + minimum, 1, minimum.minus(net));
            net = minimum;
        }
        Money tax = net.percent(billed.taxRatePercent());
        invoice.subtotal = net.amount();
        invoice.taxRatePercent = billed.taxRatePercent();
        invoice.tax = tax.amount();
        invoice.total = net.plus(tax).amount();
        return invoice;
    }

    private void add(InvoiceLine.Kind kind, String description, int quantity, Money amount) {
        lines.add(new InvoiceLine(this, lines.size() + 1, kind, description, quantity, amount.amount()));
    }

    public void markPaid(OffsetDateTime now) {
        requireUnpaid("marked paid");
        status = InvoiceStatus.PAID;
        paidAt = now;
    }

    /** Past its due date and unpaid; answers whether it changed. */
    boolean markOverdueIfDue(LocalDate today) {
        if (status == InvoiceStatus.ISSUED && today.isAfter(dueDate)) {
            status = InvoiceStatus.OVERDUE;
            return true;
        }
        return false;
    }

    public void voidWith(String reason, OffsetDateTime now) {
        requireUnpaid("voided");
        status = InvoiceStatus.VOID;
        voidedAt = now;
        voidReason = reason.strip();
    }

    /** Only an issued or overdue invoice is still open to being paid or voided. */
    private void requireUnpaid(String action) {
        if (status != InvoiceStatus.ISSUED && status != InvoiceStatus.OVERDUE) {
            throw new StateConflictException("Invoice " + reference() + " is " + status.name().toLowerCase() + "; only an issued or "
                    + "overdue invoice can be " + action + (status == InvoiceStatus.PAID ? " (a paid one needs a credit note)." : "."));
        }
    }

    /** The number as printed: per tenant, from 1, without gaps. */
    public String reference() {
        return String.format("INV-%06d", number);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public int number() {
        return number;
    }

    public String legalName() {
        return legalName;
    }

    public String planId() {
        return planId;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public InvoiceStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal taxRatePercent() {
        return taxRatePercent;
    }

    public BigDecimal tax() {
        return tax;
    }

    public BigDecimal total() {
        return total;
    }

    public OffsetDateTime paidAt() {
        return paidAt;
    }

    public OffsetDateTime voidedAt() {
        return voidedAt;
    }

    public String voidReason() {
        return voidReason;
    }

    public long version() {
        return version;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}
