package org.clutch.billing;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.orders.OrderDelivered;
import org.clutch.orders.OrderRefunded;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.Money;
import org.clutch.platform.RowScope;
import org.clutch.tenancy.Tenant;

import java.util.List;
import java.util.logging.Logger;

/**
 * Accrues commission when an order is delivered and reverses it when parts are refunded, in the transaction that
 * delivered or refunded, so that no delivered order escapes billing and no refund is billed. Works in the platform
 * scope (the customer who confirms a delivery may not read the shop's plan); {@link RowScope} gives the caller its
 * own scope back afterwards.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class Commissions {

    private static final Logger LOG = Logger.getLogger(Commissions.class.getName());

    @PersistenceContext
    EntityManager em;

    public void accrue(@Observes OrderDelivered delivered) {
        Tenant tenant = em.find(Tenant.class, delivered.tenantId());
        Plan plan = em.find(Plan.class, tenant.plan());
        CommissionEntry entry = CommissionEntry.accrual(delivered.tenantId(), delivered.orderId(), delivered.orderNumber(),
                delivered.itemsTotal(), plan, delivered.at());
        em.persist(entry);
        LOG.info(() -> "event=commission-accrued order=" + delivered.orderId() + " tenant=" + delivered.tenantId() + " amount="
                + entry.amount());
    }

    public void reverse(@Observes OrderRefunded refunded) {
        List<CommissionEntry> entries = em.createQuery("select e from CommissionEntry e where e.orderId = :o", CommissionEntry.class)
                .setParameter("o", refunded.orderId()).getResultList();
        CommissionEntry accrual = entries.stream().filter(e -> e.kind() == CommissionEntry.Kind.ACCRUAL).findFirst().orElse(null);
        if (accrual == null || refunded.itemsRefunded().isZero()) {
            return;
        }
        Money reversedBefore = entries.stream().filter(e -> e.kind() == CommissionEntry.Kind.REVERSAL).map(CommissionEntry::amount)
                .reduce(Money.zero(accrual.amount().currency()), Money::plus);
        CommissionEntry reversal = CommissionEntry.reversal(accrual, reversedBefore, refunded.itemsRefunded(), refunded.allItemsRefunded(),
                refunded.at());
        if (!reversal.amount().isZero()) {
            em.persist(reversal);
            LOG.info(() -> "event=commission-reversed order=" + refunded.orderId() + " tenant=" + refunded.tenantId() + " amount="
                    + reversal.amount());
        }
    }
}
