package org.clutch.shop.sync;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.clutch.jms.Destinations;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.jms.SyncEvent;
import org.clutch.jms.SyncMessages;
import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.catalog.CatalogRecords;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.customers.CustomerRecords;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.exchange.Progress;
import org.clutch.shop.headoffice.HeadOfficeEdits;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.marketplace.IncomingRequest;
import org.clutch.shop.marketplace.LocalQuote;
import org.clutch.shop.marketplace.MarketplaceOrder;
import org.clutch.shop.marketplace.MarketplaceOrders;
import org.clutch.shop.marketplace.MarketplaceRequests;
import org.clutch.shop.marketplace.MarketplaceSettings;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.purchasing.Purchasing;

/**
 * Keeps one connection to the backend's broker while it answers and sends the outbox over it each time it is asked
 * to ({@link #syncNow}); when the broker cannot be reached the shop goes on working and the changes wait. Says what
 * it did in the {@link SyncLog} (a batch sent, going offline, coming back) and tells listeners the new
 * {@link SyncState}. One sync at a time: the outbox goes out in order.
 */
public final class SyncAgent implements AutoCloseable {

    private final ShopDatabase database;
    private final Clock clock;
    private final Function<SyncSettings, ConnectionFactory> brokers;
    private final OutboxSender sender;
    private final SyncLog log;
    private final int batchSize;
    private final List<Consumer<SyncState>> listeners = new CopyOnWriteArrayList<>();
    private final MarketplaceRequests requests;
    private final HeadOfficeEdits headOffice;
    private final MarketplaceOrders orders;
    private final MarketplaceSettings marketplaceSettings;
    private final List<Consumer<IncomingRequest>> incomingListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<MarketplaceOrder>> orderListeners = new CopyOnWriteArrayList<>();
    private final Purchasing purchasing;
    private final List<Consumer<PurchaseOrder>> purchaseOrderListeners = new CopyOnWriteArrayList<>();

    private Connection connection;
    private SyncSettings connectedWith;
    private volatile boolean connectionLost;
    private volatile SyncState state;

    /** {@code brokers} makes the connection factory for the given settings (the Artemis client on the desktop). */
    public SyncAgent(ShopDatabase database, Clock clock, Function<SyncSettings, ConnectionFactory> brokers, int batchSize) {
        this.database = database;
        this.clock = clock;
        this.brokers = brokers;
        this.sender = new OutboxSender(database, clock);
        this.log = new SyncLog(database, clock);
        this.requests = new MarketplaceRequests(database, clock);
        Catalog catalog = new Catalog(database, clock);
        Inventory inventory = new Inventory(database, clock);
        this.headOffice = new HeadOfficeEdits(database, clock,
                List.of(new CatalogRecords(catalog), new CustomerRecords(database, clock)));
        this.orders = new MarketplaceOrders(database, catalog, inventory, clock);
        this.purchasing = new Purchasing(database, inventory, clock);
        this.marketplaceSettings = new MarketplaceSettings(database);
        this.batchSize = batchSize;
        this.state = SyncState.starting(sender.waiting());
    }

    public SyncState state() {
        return state;
    }

    public SyncLog log() {
        return log;
    }

    /** The requests to quote that came in on the shop's inbox. */
    public MarketplaceRequests requests() {
        return requests;
    }

    /** Head office's changes to the catalog and the customers, and the fields both sides changed while apart. */
    public HeadOfficeEdits headOffice() {
        return headOffice;
    }

    /** The shop's marketplace orders and the stock they hold. */
    public MarketplaceOrders orders() {
        return orders;
    }

    /** The shop's settings on the marketplace, as they last came. */
    public MarketplaceSettings marketplaceSettings() {
        return marketplaceSettings;
    }

    /** Called with each marketplace order as it arrives or changes (on the broker client's thread). */
    public void onOrder(Consumer<MarketplaceOrder> listener) {
        orderListeners.add(listener);
    }

    public void removeOnOrder(Consumer<MarketplaceOrder> listener) {
        orderListeners.remove(listener);
    }

    /** Called with each purchase order a supplier on the marketplace answered about (on the broker client's thread). */
    public void onPurchaseOrder(Consumer<PurchaseOrder> listener) {
        purchaseOrderListeners.add(listener);
    }

    public void removeOnPurchaseOrder(Consumer<PurchaseOrder> listener) {
        purchaseOrderListeners.remove(listener);
    }

    /** Called with each request to quote as it arrives (on the broker client's thread). */
    public void onIncoming(Consumer<IncomingRequest> listener) {
        incomingListeners.add(listener);
    }

    public void removeOnIncoming(Consumer<IncomingRequest> listener) {
        incomingListeners.remove(listener);
    }

    /** Called with each new state, on the thread that syncs (or that lost the connection). */
    public void onChange(Consumer<SyncState> listener) {
        listeners.add(listener);
    }

    public void removeOnChange(Consumer<SyncState> listener) {
        listeners.remove(listener);
    }

    /** Sends what waits, if the shop is set up to sync and the broker answers. */
    public synchronized SyncState syncNow(Progress progress) {
        Optional<SyncSettings> settings = SyncSettings.load(database);
        if (settings.isEmpty()) {
            disconnect();
            return publish(state.notSetUp(sender.waiting()));
        }
        try {
            Connection open = connect(settings.get());
            int sent = sender.drain(open, settings.get().shopId(), batchSize, progress);
            if (sent > 0) {
                log.record(SyncLogEntry.Kind.SENT, sent,
                        String.format("Sent %,d %s to the marketplace", sent, sent == 1 ? "change" : "changes"));
            }
            return publish(state.online(sender.waiting(), clock.instant()));
        } catch (JMSException | JMSRuntimeException unreachable) {
            disconnect();
            String why = "The marketplace cannot be reached (is the internet connection down?); sales and changes are kept"
                    + " here and sent when it is back.";
            if (state.status() != SyncState.Status.OFFLINE) {
                log.record(SyncLogEntry.Kind.OFFLINE, 0, why);
            }
            return publish(state.offline(sender.waiting(), why, settings.get().brokerUrl() + ": " + explain(unreachable),
                    clock.instant()));
        } catch (RuntimeException e) {
            String why = "Sync stopped on a problem this desktop could not handle; sales and changes are kept here."
                    + " Tell whoever supports the shop.";
            log.record(SyncLogEntry.Kind.ERROR, 0, why);
            return publish(state.failed(sender.waiting(), why, explain(e), clock.instant()));
        }
    }

    private Connection connect(SyncSettings settings) throws JMSException {
        if (connection != null && (connectionLost || !settings.equals(connectedWith))) {
            disconnect();
        }
        if (connection == null) {
            Connection opened = brokers.apply(settings).createConnection();
            opened.setExceptionListener(e -> {
                connectionLost = true;
                String why = "The connection to the marketplace was lost; sales and changes are kept here and sent when"
                        + " it is back.";
                log.record(SyncLogEntry.Kind.OFFLINE, 0, why);
                publish(state.offline(state.waiting(), why, settings.brokerUrl() + ": " + explain(e), clock.instant()));
            });
            listenToInbox(opened, settings.shopId());
            opened.start();
            connectionLost = false;
            connection = opened;
            connectedWith = settings;
            if (state.status() != SyncState.Status.ONLINE) {
                log.record(SyncLogEntry.Kind.ONLINE, 0, "Connected to the marketplace at " + settings.brokerUrl());
            }
        }
        return connection;
    }

    /**
     * The shop's inbox is read as messages come (a request to quote shows at once while online; what waited while
     * offline comes when the connection opens). A message is acknowledged once it is stored; if storing fails it
     * comes again. One this desktop cannot read is set aside in the sync log with why. What became of a quote is
     * logged too: a quote written offline may come back refused because its request expired meanwhile. So is what head
     * office changed in the catalog or of a customer ({@link HeadOfficeEdits}) and what a supplier on the marketplace said of an order.
     */
    private void listenToInbox(Connection opened, UUID shopId) throws JMSException {
        Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer inbox = session.createConsumer(session.createQueue(Destinations.shopInbox(shopId)));
        inbox.setMessageListener(message -> {
            try {
                take(SyncMessages.read(message));
            } catch (JMSException | IllegalArgumentException unreadable) {
                setAside(unreadable);
            }
        });
    }

    /** Takes one message of the shop's inbox, as the inbox's listener does (a screen's test hands it messages here). */
    public void take(SyncEvent event) {
        Optional<IncomingRequest> request = Optional.empty();
        try {
            switch (event.type()) {
                case ShopInboxTypes.PART_CHANGED, ShopInboxTypes.CUSTOMER_CHANGED -> headOfficeChanged(event);
                case ShopInboxTypes.SHOP_SETTINGS -> settingsChanged(event);
                case ShopInboxTypes.ORDER_CHANGED -> orderChanged(event);
                case ShopInboxTypes.ORDER_STEP_REFUSED -> orderStepRefused(event);
                case ShopInboxTypes.SUPPLIER_UPDATE -> supplierAnswered(event);
                default -> request = requests.receive(event);
            }
        } catch (RuleException | IllegalArgumentException unreadable) {
            setAside(unreadable);
            return;
        }
        request.ifPresent(r -> marketplaceSaid(event, r));
    }

    private void setAside(Exception unreadable) {
        log.record(SyncLogEntry.Kind.ERROR, 0, "A message from the marketplace could not be read and was set aside: "
                + explain(unreadable));
    }

    private void headOfficeChanged(SyncEvent event) {
        SyncLogEntry.Kind kind = ShopInboxTypes.CUSTOMER_CHANGED.equals(event.type()) ? SyncLogEntry.Kind.CUSTOMER
                : SyncLogEntry.Kind.CATALOG;
        headOffice.apply(event).ifPresent(what -> log.record(kind, 0, what));
    }

    private void settingsChanged(SyncEvent event) {
        log.record(SyncLogEntry.Kind.SETTINGS, 0, "On the marketplace: " + marketplaceSettings.receive(event).summary() + ".");
        publish(state); // the Sync screen shows the settings with the state
    }

    private void orderChanged(SyncEvent event) {
        MarketplaceOrder order = orders.receive(event);
        int setAside = order.lines().stream().mapToInt(MarketplaceOrder.Line::reserved).sum();
        log.record(SyncLogEntry.Kind.ORDER, 0, "Marketplace order " + order.number() + " for the " + order.vehicle() + ": "
                + order.statusText() + (setAside > 0 ? "; " + setAside + " part(s) set aside in bin "
                + MarketplaceOrders.RESERVED_BIN : "") + ".");
        orderListeners.forEach(listener -> listener.accept(order));
    }

    private void orderStepRefused(SyncEvent event) {
        MarketplaceOrder order = orders.receiveRefusal(event);
        log.record(SyncLogEntry.Kind.ORDER, 0, "Marketplace order " + order.number() + ": the marketplace did not take the step. "
                + order.stepRefusal());
        orderListeners.forEach(listener -> listener.accept(order));
    }

    private void supplierAnswered(SyncEvent event) {
        PurchaseOrder order = purchasing.receiveSupplierAnswer(event);
        log.record(SyncLogEntry.Kind.PURCHASING, 0, "Purchase order " + order.number() + ": " + order.supplierName() + " "
                + order.supplierAnswer().describe() + ".");
        purchaseOrderListeners.forEach(listener -> listener.accept(order));
    }

    /** A request to quote arrived, or what became of a quote: the latter goes in the log too. */
    private void marketplaceSaid(SyncEvent event, IncomingRequest request) {
        if (ShopInboxTypes.QUOTE_OUTCOME.equals(event.type()) && request.quote() != null
                && request.quote().status() != LocalQuote.Status.WAITING) {
            log.record(SyncLogEntry.Kind.QUOTE, 0, "Quote for the " + request.vehicle() + ": "
                    + request.quote().status().name().toLowerCase() + ". " + request.quote().detail());
        }
        incomingListeners.forEach(listener -> listener.accept(request));
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | JMSRuntimeException alreadyGone) {
                // the broker is gone anyway; nothing of ours is held by this connection
            }
            connection = null;
            connectedWith = null;
        }
    }

    /** The messages of an exception and its causes ("Failed to create session factory: AMQ219007: Cannot connect…"). */
    static String explain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
            t = t.getCause() != null ? t.getCause() : t instanceof JMSException jms ? jms.getLinkedException() : null;
        }
        return text.toString();
    }

    private SyncState publish(SyncState next) {
        state = next;
        listeners.forEach(listener -> listener.accept(next));
        return next;
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
