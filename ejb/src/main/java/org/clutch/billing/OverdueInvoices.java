package org.clutch.billing;

import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;

import java.time.LocalDate;
import java.util.logging.Logger;

/** Marks every tenant's unpaid invoices past their due date as overdue. */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class OverdueInvoices {

    private static final Logger LOG = Logger.getLogger(OverdueInvoices.class.getName());

    @PersistenceContext
    EntityManager em;

    public int markOverdue(LocalDate today) {
        int changed = 0;
        for (Invoice invoice : em.createQuery("select i from Invoice i where i.status = org.clutch.billing.InvoiceStatus.ISSUED"
                + " and i.dueDate < :today", Invoice.class).setParameter("today", today).getResultList()) {
            if (invoice.markOverdueIfDue(today)) {
                changed++;
            }
        }
        int marked = changed;
        LOG.info(() -> "event=invoices-overdue count=" + marked + " today=" + today);
        return changed;
    }
}
