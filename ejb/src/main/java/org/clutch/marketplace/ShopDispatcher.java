package org.clutch.marketplace;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationType;
import org.clutch.notifications.Recipient;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.RowScope;
import org.clutch.sync.ShopInbox;
import org.clutch.tenancy.Shop;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends a submitted parts request to every active shop that carries the vehicle's make and whose service radius
 * covers the delivery point: one dispatch, one notification and one message on the shop desktop's inbox per shop, and
 * an automatic quote for shops that opted in ({@link AutoQuotes}). Safe to run twice for the same request
 * (a redelivered message): shops already dispatched are skipped.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class ShopDispatcher {

    private static final Logger LOG = Logger.getLogger(ShopDispatcher.class.getName());

    @Inject
    MarketplaceRepository repository;

    @Inject
    NotificationService notifications;

    @Inject
    ShopInbox inbox;

    @Inject
    AutoQuotes autoQuotes;

    @Inject
    Clock clock;

    /** Answers the shops newly dispatched to. An unknown request id is a broken message, not a silent no-op. */
    public List<UUID> dispatch(UUID requestId) {
        long started = System.nanoTime();
        PartsRequest request = repository.request(requestId)
                .orElseThrow(() -> new IllegalArgumentException("no parts request " + requestId + " to dispatch"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!request.isOpenAt(now)) {
            LOG.info(() -> "event=dispatch-skipped request=" + requestId + " status=" + request.status());
            return List.of();
        }
        var point = request.delivery().point();
        String make = request.vehicle().make();
        Set<UUID> alreadyDispatched = repository.shopsDispatchedFor(requestId);
        List<Shop> shops = repository.activeShopsCarrying(make).stream()
                .filter(shop -> shop.serves(make, point))
                .filter(shop -> !alreadyDispatched.contains(shop.id()))
                .toList();
        String what = request.lines().size() + " part(s) for a " + request.vehicle().modelYear() + " " + make + " "
                + request.vehicle().model();
        for (Shop shop : shops) {
            double distanceKm = shop.distanceKmTo(point);
            Dispatch dispatch = new Dispatch(requestId, shop.id(), shop.tenantId(), distanceKm, now);
            repository.add(dispatch);
            notifications.send(Recipient.shop(shop.id()), NotificationType.REQUEST_DISPATCHED, requestId, null,
                    "New parts request: " + what + ", " + Math.round(distanceKm) + " km away.");
            // the shop desktop gets it on its inbox too, also when it is offline now
            inbox.send(shop.id(), ShopInboxTypes.QUOTE_REQUESTED, requestId, ShopRequestView.of(request, dispatch, null),
                    request.expiresAt().toInstant());
            autoQuotes.quoteIfOptedIn(shop, request);
        }
        LOG.info(() -> "event=request-dispatched request=" + requestId + " shops=" + shops.size() + " ms="
                + (System.nanoTime() - started) / 1_000_000);
        return shops.stream().map(Shop::id).toList();
    }
}
