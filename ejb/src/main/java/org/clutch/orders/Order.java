package org.clutch.orders;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.marketplace.PartsRequest;
import org.clutch.marketplace.Quote;
import org.clutch.marketplace.QuoteLine;
import org.clutch.marketplace.RequestLine;
import org.clutch.marketplace.Vehicle;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.Money;
import org.clutch.platform.Role;
import org.clutch.platform.StateConflictException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an accepted quote becomes: the parts, prices and currency of the quote, frozen, and the way from payment to
 * delivery. Every step is a method here that checks it is allowed now (a refused step names the reason in plain
 * words), changes the state, and appends an entry to the timeline. Money moves only through {@link #pay},
 * {@link #recordPayment}, {@link #cancel} and {@link #refund}, each writing the payment ledger; a refund never
 * gives back more than was paid.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private UUID id;

    @Column(nullable = false)
    private long number;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "shop_id", nullable = false)
    private UUID shopId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "quote_id", nullable = false)
    private UUID quoteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private String currency;

    @Column(name = "items_total", nullable = false)
    private BigDecimal itemsTotal;

    @Column(nullable = false)
    private BigDecimal freight;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "amount_paid", nullable = false)
    private BigDecimal amountPaid;

    @Column(name = "amount_refunded", nullable = false)
    private BigDecimal amountRefunded;

    @Column(name = "freight_refunded", nullable = false)
    private boolean freightRefunded;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod paymentMethod;

    @Column(nullable = false)
    private String vehicle;

    @Column(name = "delivery_address", nullable = false)
    private String deliveryAddress;

    @Column(name = "delivery_instructions")
    private String deliveryInstructions;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by_role")
    private Role cancelledByRole;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private List<OrderEvent> timeline = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("at")
    private List<PaymentEntry> payments = new ArrayList<>();

    @Version
    private long version;

    protected Order() {
    }

    /** The order an accepted quote makes: the available lines at the quoted prices, plus the quoted freight. */
    public static Order fromAcceptedQuote(long number, PartsRequest request, Quote quote, OrderParty by, OffsetDateTime now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.number = number;
        order.tenantId = quote.tenantId();
        order.shopId = quote.shopId();
        order.customerId = request.customerId();
        order.requestId = request.id();
        order.quoteId = quote.id();
        order.status = OrderStatus.AWAITING_PAYMENT;
        order.currency = quote.currency();
        Vehicle v = request.vehicle();
        order.vehicle = v.modelYear() + " " + v.make() + " " + v.model();
        order.deliveryAddress = request.delivery().address();
        order.deliveryInstructions = request.delivery().instructions();
        Money items = Money.zero(order.currencyUnit());
        int lineNo = 0;
        List<QuoteLine> inRequestOrder = quote.lines().stream()
                .sorted(java.util.Comparator.comparingInt(l -> request.line(l.requestLineId()).lineNo())).toList();
        for (QuoteLine offered : inRequestOrder) {
            if (offered.available()) {
                RequestLine asked = request.line(offered.requestLineId());
                OrderLine line = new OrderLine(order, ++lineNo, asked, offered.unitPrice());
                order.lines.add(line);
                items = items.plus(line.total(order.currencyUnit()));
            }
        }
        order.itemsTotal = items.amount();
        order.freight = order.money(quote.freight()).amount();
        order.total = items.plus(order.money(quote.freight())).amount();
        order.amountPaid = order.money(BigDecimal.ZERO).amount();
        order.amountRefunded = order.amountPaid;
        order.createdAt = now;
        order.record(OrderEvent.Kind.CREATED, by, now, "Order " + order.reference() + " placed for " + order.totalMoney()
                + " (" + order.lines.size() + (order.lines.size() == 1 ? " part" : " parts") + "); awaiting payment.");
        return order;
    }

    // ---- payment ------------------------------------------------------------------------------------------------

    /**
     * The customer pays, or says how they will: a card is charged at once; a bank transfer or cash on delivery
     * leaves the order awaiting the money, with the instructions in the timeline. A declined card changes nothing
     * but the timeline, and the customer may try again.
     */
    public PaymentStart pay(PaymentProvider provider, CardDetails card, OrderParty by, OffsetDateTime now) {
        requireStatus("paid for", OrderStatus.AWAITING_PAYMENT);
        if (paymentMethod != null && paymentMethod != PaymentMethod.CARD && !amountPaid().isZero()) {
            throw new StateConflictException("Part of this order is already paid by " + paymentMethod.words()
                    + "; the rest must be paid the same way.");
        }
        PaymentStart start = provider.start(reference(), balanceDue(), card);
        switch (start) {
            case PaymentStart.Captured captured -> {
                paymentMethod = provider.method();
                addPayment(balanceDue(), captured.reference(), captured.description(), by, now);
            }
            case PaymentStart.Pending pending -> {
                paymentMethod = provider.method();
                record(OrderEvent.Kind.PAYMENT_METHOD_CHOSEN, by, now, "To be paid by " + provider.method().words() + ". "
                        + pending.instructions());
            }
            case PaymentStart.Declined declined -> record(OrderEvent.Kind.PAYMENT_DECLINED, by, now,
                    "Payment of " + balanceDue() + " by " + provider.method().words() + " declined: " + declined.reason());
        }
        return start;
    }

    /**
     * The shop or a platform admin confirms money that reached it outside the platform: a bank transfer, or cash
     * the courier collected. Partial amounts add up; more than is due is refused.
     */
    public void recordPayment(BigDecimal given, String givenCurrency, String reference, OrderParty by, OffsetDateTime now) {
        if (status.isClosed()) {
            throw new StateConflictException("This order is " + status.words() + "; no payment can be recorded on it.");
        }
        if (paymentMethod == null || paymentMethod == PaymentMethod.CARD) {
            throw new StateConflictException(paymentMethod == null
                    ? "The customer has not chosen to pay by bank transfer or cash on delivery."
                    : "This order is paid by card through the gateway; card payments are not recorded by hand.");
        }
        if (!currency.equals(givenCurrency)) {
            throw new InvalidInputException(List.of(new FieldError("currency", "must be " + currency + ", the order's currency")));
        }
        if (given.signum() <= 0 || !Money.isExact(given, currencyUnit())) {
            throw new InvalidInputException(List.of(new FieldError("amount", "must be more than zero, in whole "
                    + currency + " minor units (at most " + currencyUnit().getDefaultFractionDigits() + " decimals)")));
        }
        Money amount = money(given);
        if (amount.exceeds(balanceDue())) {
            throw new InvalidInputException(List.of(new FieldError("amount", "is more than the " + balanceDue() + " still due")));
        }
        addPayment(amount, reference, "confirmed by " + by.words(), by, now);
    }

    private void addPayment(Money amount, String reference, String description, OrderParty by, OffsetDateTime now) {
        payments.add(PaymentEntry.payment(this, paymentMethod, amount, reference, description, by, now));
        amountPaid = amountPaid().plus(amount).amount();
        boolean settled = balanceDue().isZero();
        if (settled && status == OrderStatus.AWAITING_PAYMENT) {
            status = OrderStatus.PAID;
        }
        record(OrderEvent.Kind.PAYMENT_RECEIVED, by, now, "Received " + amount + " by " + paymentMethod.words()
                + (reference == null ? "" : " (reference " + reference + ")") + ", " + description + "; "
                + (settled ? "paid in full." : balanceDue() + " still due."));
    }

    // ---- fulfilment ---------------------------------------------------------------------------------------------

    /** The shop starts picking the parts: once paid, or at once when the customer pays cash on delivery. */
    public void startProcessing(OrderParty by, OffsetDateTime now) {
        requireShop(by, "prepare the order");
        boolean payLater = status == OrderStatus.AWAITING_PAYMENT && paymentMethod == PaymentMethod.CASH_ON_DELIVERY;
        if (status != OrderStatus.PAID && !payLater) {
            throw new StateConflictException(status == OrderStatus.AWAITING_PAYMENT
                    ? "This order is awaiting payment; it can be prepared once it is paid, or at once if the customer pays cash on delivery."
                    : "This order is already " + status.words() + "; it cannot go back to being prepared.");
        }
        move(OrderStatus.PROCESSING, OrderEvent.Kind.PROCESSING_STARTED, by, now, "The shop is preparing the parts.");
    }

    public void markReady(OrderParty by, OffsetDateTime now) {
        requireShop(by, "mark the order ready");
        requireStatus("marked ready", OrderStatus.PROCESSING);
        move(OrderStatus.READY, OrderEvent.Kind.READY, by, now, "The parts are packed and ready for dispatch.");
    }

    public void ship(String carrier, String trackingNumber, OrderParty by, OffsetDateTime now) {
        requireShop(by, "ship the order");
        requireStatus("shipped", OrderStatus.READY);
        this.carrier = carrier.strip();
        this.trackingNumber = trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber.strip();
        move(OrderStatus.SHIPPED, OrderEvent.Kind.SHIPPED, by, now, "Shipped with " + this.carrier
                + (this.trackingNumber == null ? "" : ", tracking number " + this.trackingNumber) + ".");
    }

    /**
     * The customer says the parts arrived, or the shop does. For cash on delivery the courier collected what was
     * still due, so delivery records that cash in the ledger.
     */
    public void confirmDelivery(OrderParty by, OffsetDateTime now) {
        if (by.isCustomer() || by.isShop()) {
            requireStatus("confirmed as delivered", OrderStatus.SHIPPED);
        } else {
            throw new StateConflictException("Delivery is confirmed by the customer or the shop.");
        }
        if (paymentMethod == PaymentMethod.CASH_ON_DELIVERY && !balanceDue().isZero()) {
            addPayment(balanceDue(), null, "collected in cash on delivery", by, now);
        }
        deliveredAt = now;
        move(OrderStatus.DELIVERED, OrderEvent.Kind.DELIVERED, by, now, "Delivered, confirmed by " + by.words() + ".");
    }

    // ---- cancellation and refunds -------------------------------------------------------------------------------

    /**
     * Either party may cancel until the parts ship, with a reason. Whatever was paid goes back in full, through
     * the provider it came through.
     */
    public void cancel(String reason, PaymentProvider provider, OrderParty by, OffsetDateTime now) {
        if (!status.isCancellable()) {
            throw new StateConflictException(status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED
                    ? "This order is already " + status.words() + "; once shipped it cannot be cancelled, only returned."
                    : "This order is already " + status.words() + ".");
        }
        cancelReason = reason.strip();
        cancelledByRole = by.role();
        Money refundable = amountPaid().minus(amountRefunded());
        String refund = refundable.isZero() ? "" : " " + giveBack(refundable, provider, "cancellation", by, now);
        move(OrderStatus.CANCELLED, OrderEvent.Kind.CANCELLED, by, now, "Cancelled by " + by.words() + ": " + cancelReason + "." + refund);
    }

    /** One line of a refund: how many of an order line's parts are paid back. */
    public record RefundLine(UUID lineId, int quantity) {
    }

    /**
     * After delivery, the shop (a manager), the tenant admin or a platform admin pays back some or all lines, and
     * the freight if asked. With the goods taken back and everything repaid the order is returned; with money
     * alone, refunded; a partial refund leaves it delivered. Answers what was refunded, for billing.
     */
    public OrderRefunded refund(List<RefundLine> refundLines, boolean includeFreight, boolean goodsReturned, String reason,
            PaymentProvider provider, OrderParty by, OffsetDateTime now) {
        requireStatus("refunded", OrderStatus.DELIVERED);
        List<FieldError> errors = new ArrayList<>();
        Map<UUID, Integer> asked = new HashMap<>();
        for (int i = 0; i < refundLines.size(); i++) {
            RefundLine r = refundLines.get(i);
            String field = "lines[" + i + "]";
            OrderLine line = line(r.lineId());
            if (line == null) {
                errors.add(new FieldError(field + ".lineId", "is not a line of this order"));
            } else if (asked.putIfAbsent(r.lineId(), r.quantity()) != null) {
                errors.add(new FieldError(field + ".lineId", "is listed twice"));
            } else if (r.quantity() > line.refundableQuantity()) {
                errors.add(new FieldError(field + ".quantity", line.refundableQuantity() == 0
                        ? "nothing of this line is left to refund"
                        : "is more than the " + line.refundableQuantity() + " not yet refunded"));
            }
        }
        if (includeFreight && freightRefunded) {
            errors.add(new FieldError("includeFreight", "the freight was already refunded"));
        }
        if (refundLines.isEmpty() && !includeFreight) {
            errors.add(new FieldError("lines", "name at least one line, or the freight"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Money items = Money.zero(currencyUnit());
        for (RefundLine r : refundLines) {
            items = items.plus(line(r.lineId()).price(currencyUnit()).times(r.quantity()));
        }
        Money amount = includeFreight ? items.plus(money(freight)) : items;
        Money refundable = amountPaid().minus(amountRefunded());
        if (amount.exceeds(refundable)) {
            throw new StateConflictException("A refund of " + amount + " is more than the " + refundable
                    + " paid and not yet refunded on this order.");
        }
        if (amount.isZero()) {
            throw new InvalidInputException(List.of(new FieldError("lines", "this refund would pay back nothing")));
        }
        refundLines.forEach(r -> line(r.lineId()).markRefunded(r.quantity()));
        freightRefunded |= includeFreight;
        boolean everything = lines.stream().allMatch(l -> l.refundableQuantity() == 0) && (freightRefunded || freight.signum() == 0);
        String what = (everything ? "" : "Partly ") + (goodsReturned ? "returned, " : "refunded, ") + reason.strip() + ". "
                + giveBack(amount, provider, reason.strip(), by, now);
        OrderEvent.Kind kind = goodsReturned ? OrderEvent.Kind.RETURNED : OrderEvent.Kind.REFUNDED;
        if (everything) {
            move(goodsReturned ? OrderStatus.RETURNED : OrderStatus.REFUNDED, kind, by, now, what);
        } else {
            record(kind, by, now, what);
        }
        return new OrderRefunded(id, tenantId, number, items, lines.stream().allMatch(l -> l.refundableQuantity() == 0), now);
    }

    /** What billing needs to know of a delivery that just happened. */
    public OrderDelivered delivered() {
        if (status != OrderStatus.DELIVERED) {
            throw new IllegalStateException("order " + id + " is " + status);
        }
        return new OrderDelivered(id, tenantId, number, itemsTotal(), deliveredAt);
    }

    /** Pays {@code amount} back through the provider and the ledger; answers what the timeline says about it. */
    private String giveBack(Money amount, PaymentProvider provider, String why, OrderParty by, OffsetDateTime now) {
        String paymentReference = payments.stream().filter(p -> p.kind() == PaymentEntry.Kind.PAYMENT)
                .map(PaymentEntry::providerReference).filter(r -> r != null).findFirst().orElse(null);
        RefundOutcome outcome = provider.refund(reference(), amount, paymentReference);
        payments.add(PaymentEntry.refund(this, paymentMethod, amount, outcome.reference(), why, by, now));
        amountRefunded = amountRefunded().plus(amount).amount();
        return amount + " refunded by " + paymentMethod.words() + ": " + outcome.description();
    }

    // ---- guards and bookkeeping -----------------------------------------------------------------------------------

    /** Refuses when the caller acted on an older version of the order than the one stored (If-Match). */
    public void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new StateConflictException("This order changed since you last read it (you had version " + expected
                    + ", it is now at " + version + "); reload it and try again.");
        }
    }

    private void requireStatus(String action, OrderStatus wanted) {
        if (status != wanted) {
            throw new StateConflictException("This order is " + status.words() + ", so it cannot be " + action
                    + "; that needs an order that is " + wanted.words() + ".");
        }
    }

    private static void requireShop(OrderParty by, String action) {
        if (!by.isShop()) {
            throw new StateConflictException("Only the shop can " + action + ".");
        }
    }

    private void move(OrderStatus next, OrderEvent.Kind kind, OrderParty by, OffsetDateTime now, String detail) {
        status = next;
        record(kind, by, now, detail);
    }

    private void record(OrderEvent.Kind kind, OrderParty by, OffsetDateTime now, String detail) {
        timeline.add(new OrderEvent(this, timeline.size() + 1, kind, status, by, detail, now));
        updatedAt = now;
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currencyUnit());
    }

    Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    private OrderLine line(UUID lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst().orElse(null);
    }

    /** The order number as people quote it. */
    public String reference() {
        return reference(number);
    }

    /** How customers and shops see an order's number ("CL-100001"). */
    public static String reference(long number) {
        return "CL-" + number;
    }

    public Money totalMoney() {
        return money(total);
    }

    public Money amountPaid() {
        return money(amountPaid);
    }

    public Money amountRefunded() {
        return money(amountRefunded);
    }

    public Money balanceDue() {
        return money(total).minus(amountPaid());
    }

    public Money itemsTotal() {
        return money(itemsTotal);
    }

    public Money freight() {
        return money(freight);
    }

    /** The newest timeline entry: what the other party is told about. */
    public OrderEvent lastEvent() {
        return timeline.getLast();
    }

    public UUID id() {
        return id;
    }

    public long number() {
        return number;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID shopId() {
        return shopId;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID requestId() {
        return requestId;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public OrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public String vehicle() {
        return vehicle;
    }

    public String deliveryAddress() {
        return deliveryAddress;
    }

    public String deliveryInstructions() {
        return deliveryInstructions;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Role cancelledByRole() {
        return cancelledByRole;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }

    public long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<OrderEvent> timeline() {
        return List.copyOf(timeline);
    }

    public List<PaymentEntry> payments() {
        return List.copyOf(payments);
    }
}
