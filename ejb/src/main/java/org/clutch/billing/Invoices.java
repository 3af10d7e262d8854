package org.clutch.billing;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.Actor;
import org.clutch.platform.FilteredQuery;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Invoices for the people who pay them and the people who collect: a tenant's admins read their tenant's, platform
 * admins read all and mark them paid or void. Every day, issued invoices past their due date become overdue.
 */
@Interceptors(RowScope.class)
@Stateless
public class Invoices {

    private static final Logger LOG = Logger.getLogger(Invoices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    InvoicePdf pdf;

    @Inject
    OverdueInvoices overdue;

    @Inject
    Clock clock;

    public Page<InvoiceSummary> list(Actor actor, UUID tenantId, InvoiceStatus status, int page, int size) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        UUID tenant = actor.isPlatformAdmin() ? tenantId : actor.tenant();
        return FilteredQuery.of(em, Invoice.class, "i").where("i.tenantId = :tenant", "tenant", tenant)
                .where("i.status = :status", "status", status)
                .page("i.issueDate desc, i.number desc", page, size, InvoiceSummary::of);
    }

    public InvoiceView get(Actor actor, UUID invoiceId) {
        return view(find(actor, invoiceId, false));
    }

    /** The invoice as a PDF document, with the file name it is offered under. */
    public record Pdf(String fileName, byte[] content) {
    }

    public Pdf pdf(Actor actor, UUID invoiceId) {
        InvoiceView invoice = view(find(actor, invoiceId, false));
        return new Pdf(invoice.number() + ".pdf", pdf.render(invoice));
    }

    public InvoiceView markPaid(Actor actor, UUID invoiceId) {
        actor.require(Role.PLATFORM_ADMIN);
        Invoice invoice = find(actor, invoiceId, true);
        invoice.markPaid(OffsetDateTime.now(clock));
        em.flush();
        LOG.info(() -> "event=invoice-paid invoice=" + invoiceId + " tenant=" + invoice.tenantId());
        return view(invoice);
    }

    /** Voids the invoice, which keeps its number; its commission goes back to unbilled so the month can be billed again. */
    public InvoiceView voidInvoice(Actor actor, UUID invoiceId, String reason) {
        actor.require(Role.PLATFORM_ADMIN);
        Invoice invoice = find(actor, invoiceId, true);
        invoice.voidWith(reason, OffsetDateTime.now(clock));
        em.createQuery("update CommissionEntry e set e.invoiceId = null where e.invoiceId = :invoice")
                .setParameter("invoice", invoiceId).executeUpdate();
        em.flush();
        LOG.info(() -> "event=invoice-voided invoice=" + invoiceId + " tenant=" + invoice.tenantId());
        return view(invoice);
    }

    private Invoice find(Actor actor, UUID invoiceId, boolean lock) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        Invoice invoice = lock ? em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE) : em.find(Invoice.class, invoiceId);
        if (invoice == null || !(actor.isPlatformAdmin() || invoice.tenantId().equals(actor.tenantId()))) {
            throw new NotFoundException("invoice " + invoiceId);
        }
        return invoice;
    }

    private InvoiceView view(Invoice invoice) {
        List<CommissionEntry> entries = invoice.status() == InvoiceStatus.VOID ? List.of()
                : em.createQuery("select e from CommissionEntry e where e.invoiceId = :invoice order by e.occurredAt", CommissionEntry.class)
                .setParameter("invoice", invoice.id()).getResultList();
        return InvoiceView.of(invoice, entries);
    }

    /** Daily: issued invoices past their due date are overdue. */
    @Schedule(hour = "3", minute = "0", persistent = false)
    public void markOverdue() {
        overdue.markOverdue(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }
}
