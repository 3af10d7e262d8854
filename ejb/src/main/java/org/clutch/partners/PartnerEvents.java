package org.clutch.partners;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.clutch.jms.PartnerMessages;
import org.clutch.marketplace.QuoteChanged;
import org.clutch.orders.OrderChanged;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;
import org.clutch.sync.PurchaseOrderSynced;

/**
 * A partner hears of its requests as a car owner would, on its outbound address and in the transaction of the
 * change: each quote taken, revised, withdrawn, accepted or declined, and the order with each of its steps (every such
 * message carries the correlation id of the message that submitted the request); a supplier, each purchase order a
 * shop places with it or cancels.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class PartnerEvents {

    @Inject
    PartnerDesk desk;

    @Inject
    PartnerOutbound outbound;

    @Inject
    SupplierOrders supplierOrders;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public void quoteChanged(@Observes QuoteChanged change) {
        desk.conversationOfRequest(change.quote().requestId()).ifPresent(c -> HeldPartnerEvents.sendOrHold(transaction,
                () -> outbound.send(c.partner(), PartnerMessages.QUOTE_CHANGED, c.correlationId(), change.quote())));
    }

    public void purchaseOrderSynced(@Observes PurchaseOrderSynced po) {
        supplierOrders.synced(po);
    }

    public void orderChanged(@Observes OrderChanged change) {
        desk.conversationOfRequest(change.order().requestId()).ifPresent(c -> HeldPartnerEvents.sendOrHold(transaction,
                () -> outbound.send(c.partner(), PartnerMessages.ORDER_CHANGED, c.correlationId(), change.order())));
    }
}
