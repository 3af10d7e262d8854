package org.clutch.marketplace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clutch.sync.SyncedShelf;
import org.clutch.tenancy.Shop;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Quotes a request at once for a shop that opted in, from the stock and prices its desktop synced: a line whose part
 * number the shop lists, with enough on the shelf for the quantity asked, is offered at the shop's price by its
 * pricing strategy; other lines are left for the shop. Nothing offered, no quote. The shop's desktop hears of the
 * quote like any other (its inbox), and the shop may revise or withdraw it.
 */
@ApplicationScoped
class AutoQuotes {

    private static final Logger LOG = Logger.getLogger(AutoQuotes.class.getName());

    @Inject
    SyncedShelf shelf;

    @Inject
    ShopRequests shopRequests;

    @Inject
    MarketplaceRepository repository;

    @Inject
    Clock clock;

    /** Promised delivery for parts on the shelf. */
    @Inject
    @ConfigProperty(name = "clutch.auto-quote.eta-hours", defaultValue = "4")
    int etaHours;

    @Inject
    @ConfigProperty(name = "clutch.auto-quote.validity", defaultValue = "PT24H")
    Duration validity;

    void quoteIfOptedIn(Shop shop, PartsRequest request) {
        if (!shop.quotesAutomatically()) {
            return;
        }
        List<String> numbers = request.lines().stream().map(RequestLine::partNumber).filter(Objects::nonNull).toList();
        Map<String, SyncedShelf.Item> onShelf = shelf.find(shop.id(), numbers);
        String currency = repository.tradingCurrency(shop);
        int decimals = Math.min(2, Currency.getInstance(currency).getDefaultFractionDigits());
        List<QuoteSubmission.LineInput> lines = new ArrayList<>();
        int offered = 0;
        for (RequestLine line : request.lines()) {
            SyncedShelf.Item item = line.partNumber() == null ? null : onShelf.get(SyncedShelf.key(line.partNumber()));
            OptionalLong price = item == null || item.onHand() < line.quantity() ? OptionalLong.empty()
                    : shop.quotePriceMinor(item.priceMinor(), item.costMinor());
            if (price.isPresent()) {
                offered++;
                lines.add(new QuoteSubmission.LineInput(line.id(), true, BigDecimal.valueOf(price.getAsLong(), decimals)));
            } else {
                lines.add(new QuoteSubmission.LineInput(line.id(), false, null));
            }
        }
        if (offered == 0) {
            LOG.fine(() -> "event=auto-quote-skipped request=" + request.id() + " shop=" + shop.id() + " reason=nothing-on-shelf");
            return;
        }
        shopRequests.submitAutomatically(shop.id(), request.id(), new QuoteSubmission(currency, lines,
                BigDecimal.ZERO.setScale(decimals), etaHours, OffsetDateTime.now(clock).plus(validity),
                "From stock at " + shop.name() + "."));
    }
}
