package org.clutch.billing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.Money;
import org.clutch.platform.RowScope;
import org.clutch.tenancy.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Bills one tenant for one month, in a transaction of its own so that one tenant's problem never holds up the rest of
 * a run. The tenant's invoice counter row is locked first: concurrent runs for the same tenant take numbers one after
 * the other, a second run for the same month finds the first one's invoice and bills nothing, and a rolled-back
 * invoice gives its number back.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class InvoiceIssuer {

    /** What billing one tenant came to. */
    public record Outcome(UUID tenantId, Result result, String invoice, String detail) {
    }

    public enum Result {
        ISSUED, ALREADY_BILLED, FAILED
    }

    /** The tenant's commission entries of the period that no invoice has billed yet. */
    private static final String UNBILLED = " where e.tenantId = :tenant and e.invoiceId is null"
            + " and e.occurredAt >= :from and e.occurredAt < :to";
    private static final String ENTRIES = " from CommissionEntry e" + UNBILLED;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.billing.payment-term-days", defaultValue = "14")
    int paymentTermDays;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome bill(UUID tenantId, YearMonth month) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        BillingPeriod period = new BillingPeriod(month, ZoneId.of(tenant.timeZone()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!period.isOverAt(now)) {
            return new Outcome(tenantId, Result.FAILED, null, month + " is not over yet in " + period.zone());
        }
        int lastNumber = lockCounter(tenantId);
        List<Invoice> existing = em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.periodStart = :start"
                        + " and i.status <> org.clutch.billing.InvoiceStatus.VOID", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("start", period.firstDay()).getResultList();
        if (!existing.isEmpty()) {
            return new Outcome(tenantId, Result.ALREADY_BILLED, existing.getFirst().reference(), "billed before");
        }
        Currency currency = Currency.getInstance(tenant.currency());
        Plan plan = em.find(Plan.class, tenant.plan());
        PlanPrice price = plan.priceIn(currency).orElse(null);
        if (price == null) {
            return new Outcome(tenantId, Result.FAILED, null, "plan " + plan.id() + " has no price in " + currency
                    + "; set one with PUT /billing/plans/" + plan.id());
        }
        Invoice.Commission commission = commission(tenantId, period, currency);
        Invoice invoice = Invoice.issue(new Invoice.Billed(tenantId, tenant.legalName(), currency, tenant.taxRatePercent(), plan, price),
                lastNumber + 1, period, commission, now.atZoneSameInstant(period.zone()).toLocalDate(), paymentTermDays, now);
        em.persist(invoice);
        em.createNativeQuery("UPDATE invoice_counter SET last_number = ? WHERE tenant_id = ?")
                .setParameter(1, invoice.number()).setParameter(2, tenantId).executeUpdate();
        em.flush();
        em.createQuery("update CommissionEntry e set e.invoiceId = :invoice" + UNBILLED + " and e.currency = :currency")
                .setParameter("invoice", invoice.id()).setParameter("tenant", tenantId).setParameter("from", period.start())
                .setParameter("to", period.end()).setParameter("currency", currency.getCurrencyCode()).executeUpdate();
        String foreign = foreignCurrencies(tenantId, period, currency);
        return new Outcome(tenantId, Result.ISSUED, invoice.reference(), invoice.total() + " " + currency
                + (foreign.isEmpty() ? "" : "; not billed, in another currency than the tenant's: " + foreign));
    }

    /** The tenants a run for {@code month} bills: those that existed before the month ended where they are. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UUID> tenantsToBill(YearMonth month) {
        return em.createQuery("select t from Tenant t order by t.createdAt", Tenant.class).getResultStream()
                .filter(t -> t.createdAt().isBefore(new BillingPeriod(month, ZoneId.of(t.timeZone())).end()))
                .map(Tenant::id).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(BillingRun run) {
        em.persist(run);
    }

    /** Takes the tenant's invoice counter row for this transaction, creating it at zero the first time. */
    private int lockCounter(UUID tenantId) {
        em.createNativeQuery("INSERT INTO invoice_counter (tenant_id, last_number) VALUES (?, 0) ON CONFLICT (tenant_id) DO NOTHING")
                .setParameter(1, tenantId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_number FROM invoice_counter WHERE tenant_id = ? FOR UPDATE")
                .setParameter(1, tenantId).getSingleResult()).intValue();
    }

    private Invoice.Commission commission(UUID tenantId, BillingPeriod period, Currency currency) {
        List<Object[]> sums = em.createQuery("select e.kind, count(e), sum(e.amount)" + ENTRIES + " and e.currency = :currency"
                        + " group by e.kind", Object[].class)
                .setParameter("tenant", tenantId).setParameter("from", period.start()).setParameter("to", period.end())
                .setParameter("currency", currency.getCurrencyCode()).getResultList();
        int accruals = 0;
        int reversals = 0;
        Money accrued = Money.zero(currency);
        Money reversed = Money.zero(currency);
        for (Object[] row : sums) {
            Money sum = new Money((BigDecimal) row[2], currency);
            if (row[0] == CommissionEntry.Kind.ACCRUAL) {
                accruals = ((Number) row[1]).intValue();
                accrued = sum;
            } else {
                reversals = ((Number) row[1]).intValue();
                reversed = sum;
            }
        }
        return new Invoice.Commission(accruals, accrued, reversals, reversed);
    }

    /**
     * Commission in other currencies than the tenant's (a shop that quoted in dollars while the tenant bills in
     * shillings) is never added to the invoice: it stays unbilled and the run reports it.
     */
    private String foreignCurrencies(UUID tenantId, BillingPeriod period, Currency currency) {
        List<Object[]> rows = em.createQuery("select e.currency, count(e), sum(e.amount)" + ENTRIES + " and e.currency <> :currency"
                        + " group by e.currency", Object[].class)
                .setParameter("tenant", tenantId).setParameter("from", period.start()).setParameter("to", period.end())
                .setParameter("currency", currency.getCurrencyCode()).getResultList();
        return String.join(", ", rows.stream().map(r -> r[1] + " entries of " + r[0] + " " + r[2]).toList());
    }
}
