package org.clutch.orders;

import org.clutch.marketplace.AcceptedQuotes;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.Role;
import org.clutch.platform.StateConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 21, 10, 5, 0, 0, ZoneOffset.UTC);
    private static final OrderParty CUSTOMER = new OrderParty(Role.CUSTOMER, UUID.randomUUID());
    private static final OrderParty SHOP = new OrderParty(Role.SHOP_STAFF, UUID.randomUUID());
    private static final OrderParty MANAGER = new OrderParty(Role.SHOP_MANAGER, UUID.randomUUID());
    private static final CardDetails GOOD_CARD = new CardDetails("4242 4242 4242 4242", 12, 2030, "123");

    private final PaymentProvider card = new CardGatewaySimulator();
    private final PaymentProvider bank = new BankTransfer();
    private final PaymentProvider cash = new CashOnDelivery();

    private static Order order() {
        var accepted = AcceptedQuotes.accepted(NOW, true);
        return Order.fromAcceptedQuote(100001, accepted.request(), accepted.quote(), CUSTOMER, NOW);
    }

    @Test
    void linesPricesAndCurrencyComeFromTheAcceptedQuote() {
        var accepted = AcceptedQuotes.accepted(NOW, false);
        Order order = Order.fromAcceptedQuote(100001, accepted.request(), accepted.quote(), CUSTOMER, NOW);
        assertEquals(OrderStatus.AWAITING_PAYMENT, order.status());
        assertEquals("CL-100001", order.reference());
        assertEquals(1, order.lines().size(), "only the lines the shop offered");
        assertEquals("Brake pads", order.lines().get(0).name());
        assertEquals("KES 4500.00", order.itemsTotal().toString());
        assertEquals("KES 4800.00", order.totalMoney().toString());
        assertEquals("KES 4800.00", order.balanceDue().toString());
        assertEquals(OrderEvent.Kind.CREATED, order.lastEvent().kind());
    }

    @Test
    void cardPaymentSettlesTheOrderAndIsRecordedInTheLedger() {
        Order order = order();
        assertEquals("KES 6501.00", order.totalMoney().toString());
        PaymentStart start = order.pay(card, GOOD_CARD, CUSTOMER, NOW);
        assertTrue(start instanceof PaymentStart.Captured);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(PaymentMethod.CARD, order.paymentMethod());
        assertEquals(1, order.payments().size());
        assertEquals("KES 6501.00", order.payments().get(0).amount().toString());
        assertTrue(order.balanceDue().isZero());
        assertEquals(OrderEvent.Kind.PAYMENT_RECEIVED, order.lastEvent().kind());
    }

    @Test
    void declinedCardLeavesTheOrderUnpaidWithTheAttemptInTheTimeline() {
        Order order = order();
        PaymentStart start = order.pay(card, new CardDetails(CardGatewaySimulator.DECLINED_CARD, 1, 2031, "999"), CUSTOMER, NOW);
        assertTrue(start instanceof PaymentStart.Declined);
        assertEquals(OrderStatus.AWAITING_PAYMENT, order.status());
        assertTrue(order.payments().isEmpty());
        assertEquals(OrderEvent.Kind.PAYMENT_DECLINED, order.lastEvent().kind());
        order.pay(card, GOOD_CARD, CUSTOMER, NOW);
        assertEquals(OrderStatus.PAID, order.status(), "the customer may try again");
    }

    @Test
    void bankTransfersAddUpAndAreNeverTakenBeyondWhatIsDue() {
        Order order = order();
        order.pay(bank, null, CUSTOMER, NOW);
        assertEquals(OrderStatus.AWAITING_PAYMENT, order.status());
        assertTrue(order.lastEvent().detail().contains("CL-100001"), "the instructions quote the order number");

        order.recordPayment(new BigDecimal("5000"), "KES", "TRX-1", SHOP, NOW);
        assertEquals(OrderStatus.AWAITING_PAYMENT, order.status());
        assertEquals("KES 1501.00", order.balanceDue().toString());

        var tooMuch = assertThrows(InvalidInputException.class, () -> order.recordPayment(new BigDecimal("1501.01"), "KES", null, SHOP, NOW));
        assertEquals("amount", tooMuch.fieldErrors().get(0).field());
        var otherCurrency = assertThrows(InvalidInputException.class, () -> order.recordPayment(new BigDecimal("10"), "USD", null, SHOP, NOW));
        assertEquals("currency", otherCurrency.fieldErrors().get(0).field());
        var fraction = assertThrows(InvalidInputException.class, () -> order.recordPayment(new BigDecimal("0.001"), "KES", null, SHOP, NOW));
        assertEquals("amount", fraction.fieldErrors().get(0).field());

        order.recordPayment(new BigDecimal("1501.00"), "KES", "TRX-2", SHOP, NOW);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(2, order.payments().size());
    }

    @Test
    void cashOnDeliveryIsPreparedBeforePaymentAndDeliveryRecordsTheCash() {
        Order order = order();
        order.pay(cash, null, CUSTOMER, NOW);
        order.startProcessing(SHOP, NOW);
        order.markReady(SHOP, NOW);
        order.ship("Sendy", "SND-42", SHOP, NOW);
        assertTrue(order.amountPaid().isZero());
        order.confirmDelivery(CUSTOMER, NOW);
        assertEquals(OrderStatus.DELIVERED, order.status());
        assertEquals("KES 6501.00", order.amountPaid().toString());
        assertEquals(PaymentMethod.CASH_ON_DELIVERY, order.payments().get(0).method());
    }

    /** Each step, as it would be taken on an order in any state. */
    private Map<String, Consumer<Order>> steps() {
        Map<String, Consumer<Order>> steps = new java.util.LinkedHashMap<>();
        steps.put("pay", o -> o.pay(card, GOOD_CARD, CUSTOMER, NOW));
        steps.put("process", o -> o.startProcessing(SHOP, NOW));
        steps.put("ready", o -> o.markReady(SHOP, NOW));
        steps.put("ship", o -> o.ship("DHL", "1Z", SHOP, NOW));
        steps.put("deliver", o -> o.confirmDelivery(CUSTOMER, NOW));
        steps.put("cancel", o -> o.cancel("changed my mind", card, CUSTOMER, NOW));
        steps.put("refund", o -> o.refund(List.of(), true, false, "late", card, MANAGER, NOW));
        return steps;
    }

    /** An order brought to {@code status} by card payment and the happy path (or a cancel / full refund). */
    private Order orderIn(OrderStatus status) {
        Order order = order();
        List<String> path = switch (status) {
            case AWAITING_PAYMENT -> List.of();
            case PAID -> List.of("pay");
            case PROCESSING -> List.of("pay", "process");
            case READY -> List.of("pay", "process", "ready");
            case SHIPPED -> List.of("pay", "process", "ready", "ship");
            case DELIVERED -> List.of("pay", "process", "ready", "ship", "deliver");
            case CANCELLED -> List.of("pay", "cancel");
            case REFUNDED, RETURNED -> List.of("pay", "process", "ready", "ship", "deliver");
        };
        path.forEach(step -> steps().get(step).accept(order));
        if (status == OrderStatus.REFUNDED || status == OrderStatus.RETURNED) {
            order.refund(order.lines().stream().map(l -> new Order.RefundLine(l.id(), l.quantity())).toList(), true,
                    status == OrderStatus.RETURNED, "all back", card, MANAGER, NOW);
        }
        assertEquals(status, order.status());
        return order;
    }

    @Test
    void everyStepIsAllowedOnlyFromItsStatesAndARefusedStepChangesNothing() {
        Map<OrderStatus, Set<String>> allowed = new EnumMap<>(OrderStatus.class);
        allowed.put(OrderStatus.AWAITING_PAYMENT, Set.of("pay", "cancel"));
        allowed.put(OrderStatus.PAID, Set.of("process", "cancel"));
        allowed.put(OrderStatus.PROCESSING, Set.of("ready", "cancel"));
        allowed.put(OrderStatus.READY, Set.of("ship", "cancel"));
        allowed.put(OrderStatus.SHIPPED, Set.of("deliver"));
        allowed.put(OrderStatus.DELIVERED, Set.of("refund"));
        for (OrderStatus status : EnumSet.of(OrderStatus.CANCELLED, OrderStatus.REFUNDED, OrderStatus.RETURNED)) {
            allowed.put(status, Set.of());
        }
        for (OrderStatus status : OrderStatus.values()) {
            for (var step : steps().entrySet()) {
                Order order = orderIn(status);
                if (allowed.get(status).contains(step.getKey())) {
                    step.getValue().accept(order);
                } else {
                    int events = order.timeline().size();
                    var refused = assertThrows(StateConflictException.class, () -> step.getValue().accept(order),
                            step.getKey() + " from " + status);
                    assertTrue(refused.getMessage().contains(status.words()), refused.getMessage());
                    assertEquals(status, order.status());
                    assertEquals(events, order.timeline().size());
                }
            }
        }
    }

    @Test
    void cancellingAPaidOrderRefundsEverythingPaidAndNamesWhoAndWhy() {
        Order order = orderIn(OrderStatus.PROCESSING);
        order.cancel("The shop found the pads damaged", card, SHOP, NOW);
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertEquals(Role.SHOP_STAFF, order.cancelledByRole());
        assertEquals("The shop found the pads damaged", order.cancelReason());
        assertEquals(order.amountPaid(), order.amountRefunded());
        assertEquals(PaymentEntry.Kind.REFUND, order.payments().getLast().kind());
        assertTrue(order.payments().getLast().providerReference().startsWith("SIM-REFUND-"));
    }

    @Test
    void cancellingAnUnpaidOrderMovesNoMoney() {
        Order order = order();
        order.cancel("found it elsewhere", null, CUSTOMER, NOW);
        assertTrue(order.payments().isEmpty());
        assertTrue(order.amountRefunded().isZero());
    }

    @Test
    void partialRefundsAddUpPerLineAndNeverExceedWhatWasPaid() {
        Order order = orderIn(OrderStatus.DELIVERED);
        OrderLine filters = order.lines().get(1);
        order.refund(List.of(new Order.RefundLine(filters.id(), 1)), false, true, "one filter returned", card, MANAGER, NOW);
        assertEquals(OrderStatus.DELIVERED, order.status(), "a partial return leaves the order delivered");
        assertEquals("KES 850.50", order.amountRefunded().toString());

        var twice = assertThrows(InvalidInputException.class, () -> order.refund(
                List.of(new Order.RefundLine(filters.id(), 2)), false, false, "again", card, MANAGER, NOW));
        assertEquals("lines[0].quantity", twice.fieldErrors().get(0).field());
        var foreign = assertThrows(InvalidInputException.class, () -> order.refund(
                List.of(new Order.RefundLine(UUID.randomUUID(), 1)), false, false, "?", card, MANAGER, NOW));
        assertEquals("lines[0].lineId", foreign.fieldErrors().get(0).field());
        assertEquals("KES 850.50", order.amountRefunded().toString(), "refused refunds change nothing");

        order.refund(List.of(new Order.RefundLine(filters.id(), 1), new Order.RefundLine(order.lines().get(0).id(), 1)), true, true,
                "everything back", card, MANAGER, NOW);
        assertEquals(OrderStatus.RETURNED, order.status());
        assertEquals(order.amountPaid(), order.amountRefunded());
        assertEquals(0, order.balanceDue().amount().signum());
    }

    @Test
    void aStaleVersionIsRefused() {
        Order order = order();
        order.requireVersion(null);
        order.requireVersion(0L);
        assertThrows(StateConflictException.class, () -> order.requireVersion(3L));
    }

    @Test
    void onlyTheShopFulfils() {
        Order order = orderIn(OrderStatus.PAID);
        var refused = assertThrows(StateConflictException.class, () -> order.startProcessing(CUSTOMER, NOW));
        assertTrue(refused.getMessage().contains("Only the shop"), refused.getMessage());
        assertNull(order.carrier());
    }
}
