package org.clutch.shop.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.Tender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where money could slip at the counter: discounts a clerk gives, sales at zero, and how refunds go back. */
class CounterMoneyTest {

    @TempDir
    Path directory;

    private TestShop t;
    private PartSummary pump;
    private PartSummary caliper;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
        pump = t.part("WP-516", "Water pump", null, 300_000, 516_700, 10);
        caliper = t.part("BC-850", "Brake caliper", null, 500_000, 850_800, 10);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    @Test
    void aLineDiscountLargerThanTheLineIsRefusedNotCutDown() {
        Cart cart = new Cart(t.shop.profile().tax());
        CartLine line = cart.add(pump, 1);

        RuleException refused = assertThrows(RuleException.class, () -> line.setDiscount(Discount.amount(999_900)));
        assertTrue(refused.getMessage().contains("more than the line is worth"), refused.getMessage());
        assertEquals(516_700, cart.totals().totalMinor(), "the line keeps its price");
        assertThrows(RuleException.class, () -> cart.setSaleDiscount(Discount.amount(516_701)));

        line.setDiscount(Discount.amount(16_700));
        assertThrows(RuleException.class, () -> cart.add(caliper, 1).setDiscount(Discount.amount(850_801)));
        assertEquals(500_000 + 850_800, cart.totals().totalMinor());
    }

    @Test
    void aClerksDiscountOverTheLimitWaitsForAManagerWhoIsNamedOnTheReceipt() {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pump, 1).setDiscount(Discount.percent(25));
        long total = cart.totals().totalMinor();

        RuleException refused = assertThrows(RuleException.class,
                () -> t.shop.sales().complete(cart, List.of(Tender.cash(total)), t.clerk));
        assertEquals("A discount of 25 % of the sale is over the clerk's limit of 10 %. A shop manager must approve it.",
                refused.getMessage());
        assertEquals(10, t.shop.inventory().onHand(pump.id()), "nothing was sold");
        assertThrows(RuleException.class, () -> cart.approve(t.clerk), "a clerk cannot approve");

        cart.approve(t.manager);
        SaleRecord sale = t.shop.sales().complete(cart, List.of(Tender.cash(total)), t.clerk);

        assertEquals("Amina Wanjiru", sale.approvedByName());
        String receipt = String.join("\n", Receipt.lines(sale, t.shop.profile(), 42, ZoneOffset.UTC));
        assertTrue(receipt.contains("Approved by Amina Wanjiru"), receipt);
        assertEquals("Amina Wanjiru", t.outbox("sales.sale-completed").get(0).getString("approvedBy"));
    }

    @Test
    void anApprovalCoversTheDiscountApprovedNotALargerOneGivenAfter() {
        Cart cart = new Cart(t.shop.profile().tax());
        CartLine line = cart.add(pump, 1);
        line.setDiscount(Discount.percent(20));
        cart.approve(t.manager);
        assertTrue(cart.approvalNeeded(t.clerk, t.shop.tillSettings().limits()).isEmpty());

        line.setDiscount(Discount.percent(40));
        assertTrue(cart.approvalNeeded(t.clerk, t.shop.tillSettings().limits()).isPresent());
    }

    @Test
    void aSaleAtZeroNeedsAManagerEvenWithinTheDiscountLimit() {
        t.shop.tillSettings().changeLimits(new TillLimits(10_000, 500_000), t.manager);
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pump, 1);
        cart.setSaleDiscount(Discount.percent(100));

        RuleException refused = assertThrows(RuleException.class,
                () -> t.shop.sales().complete(cart, List.of(Tender.cash(100)), t.clerk));
        assertEquals("The sale comes to zero. A shop manager must approve it.", refused.getMessage());
        assertTrue(t.shop.sales().recent(5).isEmpty());
    }

    @Test
    void onlyAManagerSetsTheClerksLimitsAndTheyApplyAtOnce() {
        assertThrows(RuleException.class, () -> t.shop.tillSettings().changeLimits(new TillLimits(5_000, 1), t.clerk));
        assertThrows(RuleException.class, () -> new TillLimits(10_001, 0));
        assertEquals(new TillLimits(1_000, 500_000), t.shop.tillSettings().limits());

        t.shop.tillSettings().changeLimits(new TillLimits(3_000, 100_000), t.manager);

        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pump, 1).setDiscount(Discount.percent(25));
        SaleRecord sale = t.shop.sales().complete(cart, List.of(Tender.cash(cart.totals().totalMinor())), t.clerk);
        assertEquals(null, sale.approvedByName(), "within the new limit nobody had to approve");
    }

    /**
     * The pump and the caliper (13,675.00) paid 7,675.00 by card and the rest in cash handed over as {@code cashGiven};
     * clerks may refund large amounts, so only the tender rules are in play.
     */
    private SaleRecord soldByCardAndCash(long cashGiven) {
        t.shop.tillSettings().changeLimits(new TillLimits(1_000, 10_000_000), t.manager);
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pump, 1);
        cart.add(caliper, 1);
        return t.shop.sales().complete(cart, List.of(Tender.card(767_500, "AUTH 1"), Tender.cash(cashGiven)), t.clerk);
    }

    @Test
    void aRefundGoesBackByTheTendersTheSaleWasPaidWithCardFirstAndCashOnlyUpToTheCashTaken() {
        SaleRecord sale = soldByCardAndCash(700_000); // 7,000 cash handed over, 1,000 change: 6,000 taken in cash

        SaleRecord first = t.shop.sales().returnItems(sale.number(), List.of(new ReturnItem(2, 1, true)),
                RefundMethod.AS_PAID, t.clerk, null);
        assertEquals(List.of(new Tender(Tender.Kind.CARD, 767_500, "refund of " + sale.number()),
                new Tender(Tender.Kind.CASH, 83_300, "refund of " + sale.number())), first.tenders());

        RefundPlan inCash = t.shop.sales().planReturn(sale.number(), List.of(new ReturnItem(1, 1, true)),
                RefundMethod.CASH, t.clerk);
        assertEquals(516_700, inCash.refundMinor());
        assertTrue(inCash.approvalReason().isEmpty(), "the rest of the cash taken covers it exactly");
    }

    @Test
    void cashBeyondTheCashTakenNeedsAManager() {
        SaleRecord sale = soldByCardAndCash(600_000); // 6,000 taken in cash
        List<ReturnItem> everything = List.of(new ReturnItem(1, 1, true), new ReturnItem(2, 1, true));

        RuleException refused = assertThrows(RuleException.class, () -> t.shop.sales().returnItems(sale.number(),
                everything, RefundMethod.CASH, t.clerk, null));
        assertEquals("Refunding 13,675.00 in cash is more than the 6,000.00 the sale took in cash and has not yet"
                + " refunded. A shop manager must approve it.", refused.getMessage());
        assertEquals(9, t.shop.inventory().onHand(pump.id()), "nothing came back");

        SaleRecord asPaid = t.shop.sales().returnItems(sale.number(), everything, RefundMethod.AS_PAID, t.clerk, null);
        assertEquals(List.of(Tender.Kind.CARD, Tender.Kind.CASH), asPaid.tenders().stream().map(Tender::kind).toList());
        assertEquals(600_000, asPaid.tenders().get(1).amountMinor(), "cash back is what was taken in cash");
        assertEquals(null, asPaid.approvedByName());
    }

    @Test
    void aManagerCanApproveARefundInCashAndIsNamedOnTheRefundReceipt() {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pump, 1);
        SaleRecord sale = t.shop.sales().complete(cart, List.of(Tender.card(516_700, "AUTH 2")), t.clerk);

        SaleRecord refund = t.shop.sales().returnItems(sale.number(), List.of(new ReturnItem(1, 1, true)),
                RefundMethod.CASH, t.clerk, t.manager);

        assertEquals(List.of(Tender.Kind.CASH), refund.tenders().stream().map(Tender::kind).toList());
        assertEquals("Amina Wanjiru", refund.approvedByName());
        String receipt = String.join("\n", Receipt.lines(refund, t.shop.profile(), 42, ZoneOffset.UTC));
        assertTrue(receipt.contains("Approved by Amina Wanjiru"), receipt);
    }

    @Test
    void theRefundReceiptShowsEveryLineAndTheDiscountSoThatItAddsUp() {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pump, 1);
        cart.add(caliper, 1);
        cart.setSaleDiscount(Discount.percent(5));              // 13,675.00 - 683.75 = 12,991.25
        cart.approve(t.manager);
        SaleRecord sale = t.shop.sales().complete(cart, List.of(Tender.cash(1_299_125)), t.clerk);

        SaleRecord refund = t.shop.sales().returnItems(sale.number(),
                List.of(new ReturnItem(1, 1, true), new ReturnItem(2, 1, true)), RefundMethod.AS_PAID, t.clerk, t.manager);
        List<String> receipt = Receipt.lines(refund, t.shop.profile(), 42, ZoneOffset.UTC);
        String text = String.join("\n", receipt);

        assertTrue(text.contains("1 x 5,167.00  WP-516") && text.contains("1 x 8,508.00  BC-850"), text);
        assertTrue(receipt.stream().anyMatch(l -> l.startsWith("Subtotal") && l.endsWith("13,675.00")), text);
        assertTrue(receipt.stream().anyMatch(l -> l.startsWith("Discount") && l.endsWith("-683.75")), text);
        assertTrue(receipt.stream().anyMatch(l -> l.startsWith("REFUND KES") && l.endsWith("12,991.25")), text);
        assertEquals(refund.subtotalMinor() - refund.discountMinor(), refund.totalMinor());
    }
}
