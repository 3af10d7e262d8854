package org.clutch.shop.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.RefundMethod;
import org.clutch.shop.sales.ReturnItem;
import org.clutch.shop.sales.SaleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path directory;

    private TestShop t;
    private PartSummary pads;
    private PartSummary filter;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
        pads = t.part("BP-100", "Brake pad set front", null, 250000, 464000, 20);   // 400000 + 16 % tax
        Part oil = t.shop.catalog().save(new Part(null, "OF-1", "Mann", "Oil filter", "Filters", null, 30000, 58000,
                true, "B-01", 0, 0, 0, List.of(new CrossReference(CrossReference.Kind.OEM, "Toyota", "90915-YZZE1")),
                List.of()), t.manager);
        t.shop.inventory().adjust(oil.id(), "B-01", 30, "opening stock", t.manager);
        filter = t.shop.catalog().findByNumber("OF-1").get(0);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    private SaleRecord sell(PartSummary part, int quantity) {
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(part, quantity);
        return t.shop.sales().complete(cart, List.of(Tender.cash(cart.totals().totalMinor())), t.clerk);
    }

    @Test
    void dailySalesAreNetOfTaxReturnsAndVoidsWithTheirMargin() {
        sell(pads, 2);                                    // net 800000, cost 500000
        SaleRecord voided = sell(filter, 5);
        t.shop.sales().voidSale(voided.number(), "keyed wrong", t.manager);
        t.clock.advanceDays(1);
        SaleRecord second = sell(pads, 3);                // net 1200000, cost 750000
        sell(filter, 10);                                 // net 500000, cost 300000
        t.shop.sales().returnItems(second.number(), List.of(new ReturnItem(1, 1, true)), RefundMethod.AS_PAID, t.clerk, null);
        t.shop.sales().returnItems(second.number(), List.of(new ReturnItem(1, 1, false)), RefundMethod.AS_PAID, t.clerk, null);

        List<SalesFigures> days = t.shop.reports().dailySales(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 21));

        assertEquals(List.of("2026-11-19", "2026-11-20", "2026-11-21"), days.stream().map(SalesFigures::label).toList());
        assertEquals(SalesFigures.empty("2026-11-19"), days.get(0));
        SalesFigures first = days.get(1);
        assertEquals(1, first.sales(), "the voided sale does not count");
        assertEquals(800000, first.netMinor());
        assertEquals(128000, first.taxMinor());
        assertEquals(300000, first.marginMinor());
        assertEquals(3750, first.marginBasisPoints());
        SalesFigures next = days.get(2);
        assertEquals(2, next.sales());
        assertEquals(2, next.returns());
        assertEquals(11, next.units());
        assertEquals(1200000 + 500000 - 800000, next.netMinor());
        // the restocked pad's cost comes back; the one not restocked stays a cost
        assertEquals(750000 + 300000 - 250000, next.costMinor());
        assertEquals(900000 - 800000, next.marginMinor());

        List<SalesFigures> categories = t.shop.reports().salesByCategory(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21));
        assertEquals(List.of("Brakes", "Filters"), categories.stream().map(SalesFigures::label).toList());
        assertEquals(800000 + 1200000 - 800000, categories.get(0).netMinor());
        assertEquals(500000, categories.get(1).netMinor());
        assertEquals(1_700_000, Reports.total("all", categories).netMinor());
    }
}
