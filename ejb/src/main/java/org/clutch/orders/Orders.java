package org.clutch.orders;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.marketplace.PartsRequestView;
import org.clutch.marketplace.QuoteAccepted;
import org.clutch.notifications.NotificationService;
import org.clutch.notifications.NotificationType;
import org.clutch.notifications.Recipient;
import org.clutch.orders.Order.RefundLine;
import org.clutch.platform.Actor;
import org.clutch.platform.FilteredQuery;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;
import org.clutch.sync.DesktopChangeSynced;
import org.clutch.sync.ShopInbox;
import org.clutch.tenancy.Shop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Orders for the people on both sides of them. The customer pays, cancels and confirms delivery; the shop confirms
 * payments it received, prepares, ships, confirms delivery and cancels; refunds need a shop manager, the tenant admin
 * or a platform admin. Each step locks the order row, so of two parties acting at once one goes first and the
 * other's step is judged against the state the first left (a 409 when it no longer fits); a caller that sends the
 * version it read is refused when the order moved on since. The other party is told of every step; deliveries and
 * refunds are announced ({@link OrderDelivered}, {@link OrderRefunded}) in the same transaction for billing.
 */
@Interceptors(RowScope.class)
@Stateless
public class Orders {

    private static final Logger LOG = Logger.getLogger(Orders.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentProviders providers;

    @Inject
    NotificationService notifications;

    @Inject
    Event<OrderDelivered> delivered;

    @Inject
    Event<OrderRefunded> refunded;

    @Inject
    ShopInbox inbox;

    @Inject
    Event<OrderChanged> changed;

    @Inject
    Clock clock;

    /** Makes the order of a quote the customer just accepted, in the accepting transaction, and tells the shop. */
    public void open(@Observes QuoteAccepted accepted) {
        long number = ((Number) em.createNativeQuery("SELECT nextval('customer_order_number_seq')").getSingleResult()).longValue();
        Order order = Order.fromAcceptedQuote(number, accepted.request(), accepted.quote(), OrderParty.of(accepted.actor()),
                OffsetDateTime.now(clock));
        em.persist(order);
        tellDesktop(order, view(order));
        notifications.send(Recipient.shop(order.shopId()), NotificationType.QUOTE_ACCEPTED, order.requestId(), order.quoteId(),
                order.id(), "Your quote for a " + order.vehicle() + " was accepted: order " + order.reference() + ", "
                        + order.totalMoney() + ".");
        LOG.info(() -> "event=order-opened order=" + order.id() + " number=" + order.number() + " shop=" + order.shopId()
                + " tenant=" + order.tenantId());
    }

    public Page<OrderSummary> list(Actor actor, OrderStatus status, UUID tenantId, int page, int size) {
        FilteredQuery<Order> query = FilteredQuery.of(em, Order.class, "o").where("o.status = :status", "status", status);
        switch (actor.role()) {
            case CUSTOMER -> query.where("o.customerId = :customer", "customer", actor.customer());
            case SHOP_STAFF, SHOP_MANAGER -> query.where("o.shopId = :shop", "shop", actor.shop());
            case TENANT_ADMIN -> query.where("o.tenantId = :tenant", "tenant", actor.tenant());
            case PLATFORM_ADMIN -> query.where("o.tenantId = :tenant", "tenant", tenantId);
            default -> actor.require(Role.CUSTOMER, Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        }
        return query.page("o.createdAt desc, o.number desc", page, size, OrderSummary::of);
    }

    public OrderView get(Actor actor, UUID orderId) {
        return view(find(actor, orderId, false));
    }

    /** The request as its customer reads it, with the order its accepted quote became (orderId). */
    public PartsRequestView withOrder(Actor actor, PartsRequestView request) {
        return request.acceptedQuoteId() == null ? request : ofRequest(actor, request.id()).map(request::withOrder).orElse(request);
    }

    /** The order a parts request became, if it became one and the caller may see it. */
    public Optional<UUID> ofRequest(Actor actor, UUID requestId) {
        return em.createQuery("select o from Order o where o.requestId = :r", Order.class).setParameter("r", requestId)
                .getResultStream().filter(o -> visibleTo(o, actor)).map(Order::id).findFirst();
    }

    /**
     * The customer pays (card) or says how they will pay (bank transfer, cash on delivery). A declined card is
     * answered with {@link PaymentDeclinedException}; the attempt stays in the timeline.
     */
    public OrderView pay(Actor actor, UUID orderId, Long expectedVersion, PaymentMethod method, CardDetails card) {
        actor.require(Role.CUSTOMER);
        if (method == PaymentMethod.CARD) {
            if (card == null) {
                throw new InvalidInputException(List.of(new InvalidInputException.FieldError("card", "is required to pay by card")));
            }
            var problems = card.problems(YearMonth.now(clock));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        } else if (card != null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("card", "is only for paying by card")));
        }
        PaymentProvider provider = providers.forMethod(method);
        return step(actor, orderId, expectedVersion, (order, now) -> {
            if (order.pay(provider, card, OrderParty.of(actor), now) instanceof PaymentStart.Declined declined) {
                log(order, actor);
                throw new PaymentDeclinedException("The payment was declined: " + declined.reason() + ". Nothing was charged; "
                        + "try another card or another way to pay.");
            }
        });
    }

    /** The shop or a platform admin confirms money received by bank transfer or in cash. */
    public OrderView recordPayment(Actor actor, UUID orderId, Long expectedVersion, BigDecimal amount, String currency, String reference) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> order.recordPayment(amount, currency, reference, OrderParty.of(actor), now));
    }

    public OrderView startProcessing(Actor actor, UUID orderId, Long expectedVersion) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> order.startProcessing(OrderParty.of(actor), now));
    }

    public OrderView markReady(Actor actor, UUID orderId, Long expectedVersion) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> order.markReady(OrderParty.of(actor), now));
    }

    public OrderView ship(Actor actor, UUID orderId, Long expectedVersion, String carrier, String trackingNumber) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> order.ship(carrier, trackingNumber, OrderParty.of(actor), now));
    }

    public OrderView confirmDelivery(Actor actor, UUID orderId, Long expectedVersion) {
        actor.require(Role.CUSTOMER, Role.SHOP_STAFF, Role.TENANT_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> {
            order.confirmDelivery(OrderParty.of(actor), now);
            delivered.fire(order.delivered());
        });
    }

    public OrderView cancel(Actor actor, UUID orderId, Long expectedVersion, String reason) {
        actor.require(Role.CUSTOMER, Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> order.cancel(reason, providerOf(order), OrderParty.of(actor), now));
    }

    public OrderView refund(Actor actor, UUID orderId, Long expectedVersion, List<RefundLine> lines, boolean includeFreight,
            boolean goodsReturned, String reason) {
        actor.require(Role.SHOP_MANAGER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return step(actor, orderId, expectedVersion, (order, now) -> refunded.fire(order.refund(lines, includeFreight, goodsReturned,
                reason, providerOf(order), OrderParty.of(actor), now)));
    }

    /**
     * A step the shop took on its desktop (offline perhaps, synced since): taken as the shop's staff would take it over
     * REST, and the order as it is then goes back to the desktop like every change. When it no longer fits (the
     * customer cancelled meanwhile, the order is not at that step, not the shop's) the desktop is told why instead; a
     * refusal is an answer, not a failure, so the rules' exceptions are caught here, within this bean, and do not doom
     * the sync batch's transaction.
     */
    public void stepFromDesktop(@Observes DesktopChangeSynced.OrderStepTaken taken) {
        UUID shopId = taken.shopId();
        UUID submissionId = taken.eventId();
        UUID orderId = taken.orderId();
        String step = taken.step();
        String carrier = taken.carrier();
        String trackingNumber = taken.trackingNumber();
        Actor shop = new Actor(null, Role.SHOP_STAFF, taken.tenantId(), shopId, null, null);
        try {
            switch (step) {
                case "PROCESSING" -> startProcessing(shop, orderId, null);
                case "READY" -> markReady(shop, orderId, null);
                case "SHIPPED" -> {
                    if (carrier == null || carrier.isBlank()) {
                        throw new InvalidInputException(List.of(new InvalidInputException.FieldError("carrier", "is required to ship")));
                    }
                    ship(shop, orderId, null, carrier, trackingNumber);
                }
                case "DELIVERED" -> confirmDelivery(shop, orderId, null);
                default -> throw new InvalidInputException(List.of(new InvalidInputException.FieldError("step",
                        "must be PROCESSING, READY, SHIPPED or DELIVERED")));
            }
        } catch (StateConflictException | InvalidInputException | NotFoundException refused) {
            inbox.send(shopId, ShopInboxTypes.ORDER_STEP_REFUSED, orderId, new StepRefused(orderId, step, refused.getMessage(),
                    submissionId, OffsetDateTime.now(clock)), null);
            LOG.info(() -> "event=order-step-refused order=" + orderId + " shop=" + shopId + " step=" + step + " submission="
                    + submissionId + " reason=" + refused.getMessage());
        }
    }

    /** The payload of {@link ShopInboxTypes#ORDER_STEP_REFUSED}. */
    public record StepRefused(UUID orderId, String step, String reason, UUID submissionId, OffsetDateTime at) {
    }

    private OrderView step(Actor actor, UUID orderId, Long expectedVersion, BiConsumer<Order, OffsetDateTime> step) {
        Order order = find(actor, orderId, true);
        order.requireVersion(expectedVersion);
        step.accept(order, OffsetDateTime.now(clock));
        em.flush();
        return after(order, actor);
    }

    /** Refunds go back the way the money came; an order never paid has no provider and nothing to give back. */
    private PaymentProvider providerOf(Order order) {
        return order.paymentMethod() == null ? null : providers.forMethod(order.paymentMethod());
    }

    /** Tells the other party (both, when a platform admin acted) and answers the order as it is now. */
    private OrderView after(Order order, Actor actor) {
        String message = "Order " + order.reference() + ": " + order.lastEvent().detail();
        if (actor.role() != Role.CUSTOMER) {
            notifications.send(Recipient.customer(order.customerId()), NotificationType.ORDER_UPDATED, order.requestId(), null,
                    order.id(), message);
        }
        if (!OrderParty.of(actor).isShop()) {
            notifications.send(Recipient.shop(order.shopId()), NotificationType.ORDER_UPDATED, order.requestId(), null, order.id(),
                    message);
        }
        log(order, actor);
        OrderView now = view(order);
        tellDesktop(order, now);
        return now;
    }

    /**
     * The shop's desktop hears of each order to fulfil and each change of it on its inbox, in this transaction; whoever
     * speaks for the customer elsewhere (a partner's system) hears of it too ({@link OrderChanged}).
     */
    private void tellDesktop(Order order, OrderView view) {
        inbox.send(order.shopId(), ShopInboxTypes.ORDER_CHANGED, order.id(), view, null);
        changed.fire(new OrderChanged(order.customerId(), view));
    }

    private static void log(Order order, Actor actor) {
        LOG.info(() -> "event=order-" + order.lastEvent().kind().name().toLowerCase().replace('_', '-') + " order=" + order.id()
                + " status=" + order.status() + " by=" + actor.role() + " tenant=" + order.tenantId());
    }

    /** The order if the caller is party to it; anyone else's answers exactly like an unknown id. */
    private Order find(Actor actor, UUID orderId, boolean lock) {
        Order order = lock ? em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE) : em.find(Order.class, orderId);
        if (order == null || !visibleTo(order, actor)) {
            throw new NotFoundException("order " + orderId);
        }
        return order;
    }

    private static boolean visibleTo(Order order, Actor actor) {
        return switch (actor.role()) {
            case CUSTOMER -> order.customerId().equals(actor.customerId());
            case SHOP_STAFF, SHOP_MANAGER -> order.shopId().equals(actor.shopId());
            case TENANT_ADMIN -> order.tenantId().equals(actor.tenantId());
            case PLATFORM_ADMIN -> true;
            case PARTNER -> false;
        };
    }

    private OrderView view(Order order) {
        Shop shop = em.find(Shop.class, order.shopId());
        return OrderView.of(order, shop == null ? null : shop.name());
    }
}
