package org.clutch.marketplace;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationType;
import org.clutch.notifications.Recipient;
import org.clutch.platform.Actor;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;
import org.clutch.platform.RowScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** What a customer does with parts requests: submit, list, read with quotes, cancel, accept a quote. */
@Interceptors(RowScope.class)
@Stateless
public class CustomerRequests {

    private static final Logger LOG = Logger.getLogger(CustomerRequests.class.getName());

    @Inject
    MarketplaceRepository repository;

    @Inject
    QuoteRequestPublisher publisher;

    @Inject
    NotificationService notifications;

    @Inject
    Event<QuoteAccepted> accepted;

    @Inject
    QuoteOutcomes outcomes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clutch.request.time-to-live", defaultValue = "PT2H")
    Duration timeToLive;

    /** The outcome of a submission: the request, and whether this call created it or an earlier one with the same key. */
    public record Submitted(PartsRequestView request, boolean created) {
    }

    /**
     * Stores the request and queues it for dispatch in one transaction. With an idempotency key, a repeated
     * submission returns the request the first one created instead of creating another; the key sent with a different
     * submission is refused.
     */
    public Submitted submit(Actor actor, NewPartsRequest input, String idempotencyKey) {
        UUID customerId = actor.customer();
        if (idempotencyKey != null) {
            repository.lockIdempotencyKey(customerId, idempotencyKey);
            var earlier = repository.requestByIdempotencyKey(customerId, idempotencyKey);
            if (earlier.isPresent()) {
                earlier.get().requireSameSubmission(input);
                return new Submitted(view(earlier.get()), false);
            }
        }
        PartsRequest request = PartsRequest.submit(customerId, input, idempotencyKey, OffsetDateTime.now(clock), timeToLive);
        repository.add(request);
        publisher.publish(request.id());
        LOG.info(() -> "event=request-submitted request=" + request.id() + " customer=" + customerId + " lines=" + request.lines().size());
        return new Submitted(PartsRequestView.of(request, List.of()), true);
    }

    public Page<RequestSummary> list(Actor actor, int page, int size) {
        UUID customerId = actor.customer();
        var items = repository.requestsOfCustomer(customerId, Page.firstResult(page, size), Page.clampSize(size)).stream()
                .map(RequestSummary::of).toList();
        return new Page<>(items, Math.max(page, 0), Page.clampSize(size), repository.countRequestsOfCustomer(customerId));
    }

    public PartsRequestView get(Actor actor, UUID requestId) {
        return view(repository.requestOfCustomer(actor.customer(), requestId, false));
    }

    public PartsRequestView cancel(Actor actor, UUID requestId) {
        UUID customerId = actor.customer();
        PartsRequest request = repository.requestOfCustomer(customerId, requestId, true);
        OffsetDateTime now = OffsetDateTime.now(clock);
        request.cancel(now);
        outcomes.declineAll(repository.quotesOfRequest(requestId), request, "The customer cancelled the request.", now);
        for (Dispatch d : repository.dispatchesOfRequest(requestId)) {
            notifications.send(Recipient.shop(d.shopId()), NotificationType.REQUEST_CANCELLED, requestId, null,
                    "The customer cancelled a " + request.vehicle().make() + " parts request.");
        }
        LOG.info(() -> "event=request-cancelled request=" + requestId + " customer=" + customerId);
        return view(request);
    }

    /**
     * Accepts one quote. The request row is locked first, so of any number of concurrent accepts exactly one
     * finds the request open; the rest are refused as conflicts. The order is made in the same transaction
     * ({@link QuoteAccepted}), which also tells the winning shop. Every other shop is told it lost.
     */
    public PartsRequestView accept(Actor actor, UUID requestId, UUID quoteId) {
        PartsRequest request = repository.requestOfCustomer(actor.customer(), requestId, true);
        List<Quote> quotes = repository.quotesOfRequest(requestId);
        Quote winner = quotes.stream().filter(q -> q.id().equals(quoteId)).findFirst()
                .orElseThrow(() -> new NotFoundException("quote " + quoteId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        request.accept(winner, now);
        outcomes.tell(winner, request, "The customer accepted this quote.", null, now);
        outcomes.declineAll(quotes, request, "The customer accepted another shop's quote.", now);
        accepted.fire(new QuoteAccepted(actor, request, winner));

        for (Dispatch d : repository.dispatchesOfRequest(requestId)) {
            if (!d.shopId().equals(winner.shopId())) {
                notifications.send(Recipient.shop(d.shopId()), NotificationType.REQUEST_AWARDED_ELSEWHERE, requestId, null,
                        "The customer accepted another shop's quote for a " + request.vehicle().make() + " parts request.");
            }
        }
        LOG.info(() -> "event=quote-accepted request=" + requestId + " quote=" + quoteId + " shop=" + winner.shopId());
        return view(request);
    }

    private PartsRequestView view(PartsRequest request) {
        List<Quote> quotes = repository.quotesOfRequest(request.id());
        Map<UUID, String> shopNames = quotes.stream().map(Quote::shopId).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> repository.shop(id).name()));
        return PartsRequestView.of(request, quotes.stream().map(q -> QuoteView.of(q, request, shopNames.get(q.shopId()))).toList());
    }
}
