package org.clutch.marketplace;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationType;
import org.clutch.notifications.Recipient;
import org.clutch.platform.Actor;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.sync.DesktopChangeSynced;
import org.clutch.sync.DesktopQuote;
import org.clutch.tenancy.Shop;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What a shop does with the parts requests dispatched to it: list, read, quote, revise, withdraw. A shop only
 * ever reaches requests dispatched to it and only its own quote.
 */
@Interceptors(RowScope.class)
@Stateless
public class ShopRequests {

    private static final Logger LOG = Logger.getLogger(ShopRequests.class.getName());

    @Inject
    MarketplaceRepository repository;

    @Inject
    NotificationService notifications;

    @Inject
    QuoteOutcomes outcomes;

    @Inject
    Clock clock;

    public Page<ShopRequestView> list(Actor actor, int page, int size) {
        UUID shopId = actor.shop();
        Shop shop = repository.shop(shopId);
        var items = repository.dispatchesToShop(shopId, Page.firstResult(page, size), Page.clampSize(size)).stream()
                .map(d -> view(shop, d, repository.request(d.requestId()).orElseThrow()))
                .toList();
        return new Page<>(items, Math.max(page, 0), Page.clampSize(size), repository.countDispatchesToShop(shopId));
    }

    public ShopRequestView get(Actor actor, UUID requestId) {
        return view(actor.shop(), requestId);
    }

    private ShopRequestView view(UUID shopId, UUID requestId) {
        PartsRequest request = repository.requestDispatchedTo(shopId, requestId, false);
        return view(repository.shop(shopId), repository.dispatch(shopId, requestId).orElseThrow(), request);
    }

    /** Submits the shop's quote, or revises the one it already has; the customer is told either way. */
    public ShopRequestView submitQuote(Actor actor, UUID requestId, QuoteSubmission input) {
        submit(actor.shop(), requestId, input, null, "Sent to the customer");
        return view(actor.shop(), requestId);
    }

    /**
     * A quote written on the shop's desktop, perhaps hours ago while it was offline (the sync event names it), taken as
     * if submitted now over REST. Announced by the sync in the platform's scope; the shop is the one whose desktop sent
     * the event.
     */
    public void submitFromDesktop(@Observes DesktopChangeSynced.QuoteWritten written) {
        DesktopQuote quote = written.quote();
        QuoteSubmission input = new QuoteSubmission(quote.currency(), quote.lines().stream()
                .map(l -> new QuoteSubmission.LineInput(l.requestLineId(), l.available(), l.unitPrice())).toList(),
                quote.freight(), quote.etaHours(), quote.validUntil(), quote.notes());
        trySubmit(written.shopId(), written.requestId(), input, written.eventId(), "Sent to the customer");
    }

    /** A quote the marketplace wrote for the shop from its synced stock and prices, the shop having opted in. */
    public void submitAutomatically(UUID shopId, UUID requestId, QuoteSubmission input) {
        trySubmit(shopId, requestId, input, null, "Quoted automatically from the stock and prices your desktop synced");
    }

    /**
     * Submits, or tells the shop's desktop why the marketplace cannot take the quote (the request expired, closed or
     * was never sent to this shop; a line does not match). A refusal is an answer, not a failure: the caller's work
     * (a sync batch, a dispatch) goes on. The rule checks run before anything is written, and their exceptions are
     * caught here, within this bean, so they do not doom the transaction.
     */
    private void trySubmit(UUID shopId, UUID requestId, QuoteSubmission input, UUID submissionId, String how) {
        try {
            submit(shopId, requestId, input, submissionId, how);
        } catch (StateConflictException | InvalidInputException | NotFoundException refused) {
            outcomes.refuse(shopId, requestId, refused.getMessage(), submissionId, OffsetDateTime.now(clock));
            LOG.info(() -> "event=quote-refused request=" + requestId + " shop=" + shopId + " submission=" + submissionId
                    + " reason=" + refused.getMessage());
        }
    }

    private void submit(UUID shopId, UUID requestId, QuoteSubmission input, UUID submissionId, String how) {
        PartsRequest request = repository.requestDispatchedTo(shopId, requestId, true);
        Shop shop = repository.shop(shopId);
        shop.requireActive();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String currency = repository.tradingCurrency(shop);
        var existing = repository.quoteOfShop(shopId, requestId);
        Quote quote;
        if (existing.isPresent()) {
            quote = existing.get();
            quote.revise(request, currency, input, now);
        } else {
            quote = Quote.submit(request, shop, currency, input, now);
            repository.add(quote);
        }
        String summary = quote.total(request) + " " + quote.currency() + ", " + quote.missingLineIds(request).size() + " of "
                + request.lines().size() + " lines missing.";
        notifications.send(Recipient.customer(request.customerId()), NotificationType.QUOTE_RECEIVED, requestId, quote.id(),
                shop.name() + (quote.revision() > 1 ? " revised its quote: " : " quoted: ") + summary);
        outcomes.tell(quote, request, how + ": " + summary, submissionId, now);
        LOG.info(() -> "event=quote-submitted request=" + requestId + " shop=" + shopId + " quote=" + quote.id()
                + " revision=" + quote.revision() + (submissionId == null ? "" : " submission=" + submissionId));
    }

    public ShopRequestView withdrawQuote(Actor actor, UUID requestId) {
        UUID shopId = actor.shop();
        PartsRequest request = repository.requestDispatchedTo(shopId, requestId, true);
        Quote quote = repository.quoteOfShop(shopId, requestId).orElseThrow(() -> new NotFoundException("quote of this shop"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        quote.withdraw(now);
        notifications.send(Recipient.customer(request.customerId()), NotificationType.QUOTE_WITHDRAWN, requestId, quote.id(),
                repository.shop(shopId).name() + " withdrew its quote.");
        outcomes.tell(quote, request, "Withdrawn.", null, now);
        LOG.info(() -> "event=quote-withdrawn request=" + requestId + " shop=" + shopId + " quote=" + quote.id());
        return view(shopId, requestId);
    }

    private ShopRequestView view(Shop shop, Dispatch dispatch, PartsRequest request) {
        QuoteView mine = repository.quoteOfShop(shop.id(), request.id())
                .map(q -> QuoteView.of(q, request, shop.name())).orElse(null);
        return ShopRequestView.of(request, dispatch, mine);
    }
}
