package org.clutch.marketplace;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationType;
import org.clutch.notifications.Recipient;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Closes parts requests whose time ran out and tells the customer and every dispatched shop. Runs every 15
 * seconds; until it runs, an overdue request already refuses quotes and accepts (see
 * {@link PartsRequest#isOpenAt}).
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Singleton
public class RequestExpiry {

    private static final Logger LOG = Logger.getLogger(RequestExpiry.class.getName());
    private static final int BATCH = 500;

    @Inject
    MarketplaceRepository repository;

    @Inject
    NotificationService notifications;

    @Inject
    QuoteOutcomes outcomes;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    public void expireDueRequests() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int expired = 0;
        for (PartsRequest request : repository.openRequestsDueBy(now, BATCH)) {
            if (request.expireIfDue(now)) {
                expired++;
                outcomes.declineAll(repository.quotesOfRequest(request.id()), request,
                        "The request expired before the customer chose a quote.", now);
                notifications.send(Recipient.customer(request.customerId()), NotificationType.REQUEST_EXPIRED, request.id(), null,
                        "Your " + request.vehicle().make() + " parts request expired.");
                for (Dispatch d : repository.dispatchesOfRequest(request.id())) {
                    notifications.send(Recipient.shop(d.shopId()), NotificationType.REQUEST_EXPIRED, request.id(), null,
                            "A " + request.vehicle().make() + " parts request expired.");
                }
            }
        }
        if (expired > 0) {
            int count = expired;
            LOG.info(() -> "event=requests-expired count=" + count);
        }
    }
}
