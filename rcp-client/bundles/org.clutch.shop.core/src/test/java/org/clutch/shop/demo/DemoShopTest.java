package org.clutch.shop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.clutch.shop.Shop;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.reports.SalesFigures;
import org.clutch.shop.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo shop the README launches has a working day behind it, made through the real rules. */
class DemoShopTest {

    @TempDir
    Path directory;

    @Test
    void theDemoShopHasSuppliersCustomersTwoWeeksOfSalesAndOrdersUnderWay() {
        try (Shop shop = Shop.open(directory, Clock.systemDefaultZone())) {
            Staff manager = DemoShop.seed(shop, 400);
            DemoShop.seedBusiness(shop, manager);

            assertEquals(3, shop.purchasing().suppliers().size());
            assertEquals(4, shop.customers().search("", 10).size());
            LocalDate today = LocalDate.now();
            List<SalesFigures> days = shop.reports().dailySales(today.minusDays(13), today.minusDays(1));
            assertTrue(days.stream().allMatch(d -> d.sales() >= 2), days.toString());
            assertTrue(days.stream().allMatch(d -> d.marginMinor() > 0), days.toString());
            List<PurchaseOrder.Status> statuses = shop.purchasing().orders(20).stream().map(PurchaseOrder::status).toList();
            assertTrue(statuses.contains(PurchaseOrder.Status.PARTIALLY_RECEIVED), statuses.toString());
            assertTrue(statuses.contains(PurchaseOrder.Status.SENT), statuses.toString());
            assertTrue(shop.customers().search("Kamau", 1).get(0).balanceMinor() > 0, "some sales went on account");
        }
    }
}
