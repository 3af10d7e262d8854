package org.clutch.shop.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.List;

import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.inventory.StockMovement;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.Tender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesTest {

    @TempDir
    Path directory;

    private TestShop t;
    private PartSummary pads;
    private PartSummary rotor;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
        pads = t.part("BP-100", "Brake pad set front", "4006633123457", 250000, 450000, 10);
        rotor = t.part("BD-200", "Brake disc front", null, 400000, 780000, 4);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    private SaleRecord sell(int padsQty, int rotorQty, Discount saleDiscount, long cash) {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pads, padsQty);
        if (rotorQty > 0) {
            cart.add(rotor, rotorQty);
        }
        cart.setSaleDiscount(saleDiscount);
        return t.shop.sales().complete(cart, List.of(Tender.cash(cash)), t.clerk);
    }

    @Test
    void aCompletedSaleTakesStockOutAndKeepsTheMoney() {
        SaleRecord sale = sell(2, 1, Discount.NONE, 2_000_000);

        assertEquals("S000001", sale.number());
        assertEquals(1_680_000, sale.totalMinor());
        assertEquals(320_000, sale.changeMinor());
        assertEquals(8, t.shop.inventory().onHand(pads.id()));
        assertEquals(3, t.shop.inventory().onHand(rotor.id()));
        StockMovement last = t.shop.inventory().ledger(pads.id(), 1).get(0);
        assertEquals(StockReason.SALE, last.reason());
        assertEquals(-2, last.quantity());
        assertEquals("S000001", last.reference());
        // one sale event and one stock event per line, recorded with the sale
        assertEquals(1, countEvents("sales.sale-completed"));
        assertEquals(2 + 2, countEvents("inventory.stock-moved")); // two opening adjustments, two sale lines
    }

    @Test
    void anUnderpaidSaleIsRefusedAndChangesNothing() {
        RuleException refused = assertThrows(RuleException.class, () -> sell(1, 0, Discount.NONE, 100_000));
        assertEquals("The payment is 3,500.00 short.", refused.getMessage());
        assertEquals(10, t.shop.inventory().onHand(pads.id()));
        assertEquals(0, countEvents("sales.sale-completed"));
        assertTrue(t.shop.sales().recent(10).isEmpty());
    }

    @Test
    void aReturnRefundsWhatWasPaidPerUnitAndRestocksOnlyWhatGoesBackOnTheShelf() {
        SaleRecord sale = sell(3, 0, Discount.amount(10_000), 1_340_000); // 13,500 - 100 = 13,400

        SaleRecord first = t.shop.sales().returnItems(sale.number(), List.of(new ReturnItem(1, 1, true)),
                RefundMethod.AS_PAID, t.clerk, null);
        SaleRecord second = t.shop.sales().returnItems(sale.number(), List.of(new ReturnItem(1, 2, false)),
                RefundMethod.AS_PAID, t.clerk, t.manager);

        assertEquals(446_666, first.totalMinor());
        assertEquals(893_334, second.totalMinor());
        assertEquals(1_340_000, first.totalMinor() + second.totalMinor(), "every unit back gives back every cent");
        assertEquals(8, t.shop.inventory().onHand(pads.id()), "10 - 3 sold + 1 restocked; 2 damaged ones stay out");
        RuleException again = assertThrows(RuleException.class, () -> t.shop.sales().returnItems(sale.number(),
                List.of(new ReturnItem(1, 1, true)), RefundMethod.AS_PAID, t.clerk, null));
        assertEquals("Of BP-100 only 0 can still be returned.", again.getMessage());
        assertEquals(3, t.shop.sales().findByNumber(sale.number()).orElseThrow().lines().get(0).returnedQuantity());
    }

    @Test
    void aLargeRefundNeedsAManager() {
        SaleRecord sale = sell(2, 0, Discount.NONE, 900_000);
        RuleException refused = assertThrows(RuleException.class, () -> t.shop.sales().returnItems(sale.number(),
                List.of(new ReturnItem(1, 2, true)), RefundMethod.AS_PAID, t.clerk, null));
        assertTrue(refused.getMessage().contains("A shop manager must approve it"), refused.getMessage());
        assertEquals(8, t.shop.inventory().onHand(pads.id()));

        t.shop.sales().returnItems(sale.number(), List.of(new ReturnItem(1, 2, true)), RefundMethod.AS_PAID, t.clerk, t.manager);
        assertEquals(10, t.shop.inventory().onHand(pads.id()));
    }

    @Test
    void aVoidPutsEverythingBackAndNeedsAManagerAndAReason() {
        SaleRecord sale = sell(2, 1, Discount.NONE, 1_680_000);
        assertThrows(RuleException.class, () -> t.shop.sales().voidSale(sale.number(), "customer changed mind", t.clerk));
        assertThrows(RuleException.class, () -> t.shop.sales().voidSale(sale.number(), " ", t.manager));

        SaleRecord voided = t.shop.sales().voidSale(sale.number(), "rang up the wrong car", t.manager);

        assertEquals(SaleRecord.Status.VOIDED, voided.status());
        assertEquals(10, t.shop.inventory().onHand(pads.id()));
        assertEquals(4, t.shop.inventory().onHand(rotor.id()));
        assertThrows(RuleException.class, () -> t.shop.sales().voidSale(sale.number(), "twice", t.manager));
        assertThrows(RuleException.class, () -> t.shop.sales().returnItems(sale.number(),
                List.of(new ReturnItem(1, 1, true)), RefundMethod.AS_PAID, t.manager, null));
    }

    @Test
    void yesterdaysSaleIsReturnedNotVoided() {
        SaleRecord sale = sell(1, 0, Discount.NONE, 450_000);
        t.clock.advanceDays(1);
        RuleException refused = assertThrows(RuleException.class,
                () -> t.shop.sales().voidSale(sale.number(), "late", t.manager));
        assertEquals("Only today's sales can be voided; take the goods back as a return.", refused.getMessage());
    }

    @Test
    void aHeldSaleComesBackAsItWasAndOnlyOnce() {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(pads, 2).setDiscount(Discount.percent(10));
        cart.add(rotor, 1);
        long total = cart.totals().totalMinor();
        var id = t.shop.sales().hold(cart, "Kamau — fetching old pads", t.clerk);

        assertEquals(1, t.shop.sales().held().size());
        assertEquals(10, t.shop.inventory().onHand(pads.id()), "holding takes nothing off the shelf");
        Cart recalled = t.shop.sales().recall(id);

        assertEquals(total, recalled.totals().totalMinor());
        assertEquals(Discount.percent(10), recalled.lines().get(0).discount());
        assertTrue(t.shop.sales().held().isEmpty());
        assertThrows(RuleException.class, () -> t.shop.sales().recall(id));
    }

    @Test
    void theReceiptShowsLinesTotalsTaxAndChange() {
        SaleRecord sale = sell(2, 0, Discount.NONE, 1_000_000);
        List<String> receipt = Receipt.lines(sale, t.shop.profile(), 42, ZoneOffset.UTC);
        String text = String.join("\n", receipt);
        assertTrue(receipt.stream().allMatch(l -> l.length() <= 42), text);
        assertTrue(text.contains("SALE S000001"), text);
        assertTrue(text.contains("2 x 4,500.00  BP-100"), text);
        assertTrue(receipt.stream().anyMatch(l -> l.startsWith("TOTAL KES") && l.endsWith("9,000.00")), text);
        assertTrue(receipt.stream().anyMatch(l -> l.contains("incl. tax 16 %") && l.endsWith("1,241.38")), text);
        assertTrue(receipt.stream().anyMatch(l -> l.startsWith("Change") && l.endsWith("1,000.00")), text);
    }

    private int countEvents(String type) {
        return t.shop.database().read(c -> {
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM outbox_event WHERE type = '" + type + "'")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
