package org.clutch.shop.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

    @TempDir
    Path directory;

    private TestShop t;

    @BeforeEach
    void openShop() {
        t = new TestShop(directory);
    }

    @AfterEach
    void closeShop() {
        t.close();
    }

    @Test
    void stockOnHandIsTheSumOfTheLedgerPerBin() {
        PartSummary filter = t.part("OF-1", "Oil filter", null, 30000, 65000, 12);
        t.shop.inventory().transfer(filter.id(), "A-01", "B-07", 5, t.clerk);
        t.shop.inventory().adjust(filter.id(), "B-07", -1, "dropped and cracked", t.manager);
        assertThrows(RuleException.class, () -> t.shop.inventory().transfer(filter.id(), "b-07", "C-01", 5, t.clerk),
                "B-07 holds only 4");
        assertThrows(RuleException.class, () -> t.shop.inventory().transfer(filter.id(), "Z-99", "C-01", 1, t.clerk),
                "an empty bin gives nothing");

        assertEquals(Map.of("A-01", 7, "B-07", 4), t.shop.inventory().onHandByBin(filter.id()));
        assertEquals(11, t.shop.inventory().onHand(filter.id()));
        int ledgerSum = t.shop.database().read(c -> {
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT SUM(quantity) FROM stock_movement WHERE part_id = '" + filter.id() + "'")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertEquals(11, ledgerSum);
        assertEquals(List.of(StockReason.ADJUSTMENT, StockReason.TRANSFER, StockReason.TRANSFER, StockReason.ADJUSTMENT),
                t.shop.inventory().ledger(filter.id(), 10).stream().map(StockMovement::reason).toList());
    }

    @Test
    void onlyAManagerAdjustsStockAndAlwaysWithAReason() {
        PartSummary filter = t.part("OF-1", "Oil filter", null, 30000, 65000, 2);
        RuleException clerk = assertThrows(RuleException.class,
                () -> t.shop.inventory().adjust(filter.id(), "A-01", 5, "found", t.clerk));
        assertEquals("Only a shop manager can adjust stock.", clerk.getMessage());
        assertThrows(RuleException.class, () -> t.shop.inventory().adjust(filter.id(), "A-01", 5, "", t.manager));
        assertEquals(2, t.shop.inventory().onHand(filter.id()));
    }

    @Test
    void aStockCountRecordsTheVarianceAsMovements() {
        PartSummary filter = t.part("OF-1", "Oil filter", null, 30000, 65000, 12);
        PartSummary plug = t.part("SP-1", "Spark plug", null, 20000, 45000, 40);

        List<CountLine> count = t.shop.inventory().applyCount(Map.of(
                filter.id(), Map.of("A-01", 10),
                plug.id(), Map.of("A-01", 40)), t.clerk);

        assertEquals(-2, count.stream().filter(l -> l.partId().equals(filter.id())).findFirst().orElseThrow().variance());
        assertEquals(0, count.stream().filter(l -> l.partId().equals(plug.id())).findFirst().orElseThrow().variance());
        assertEquals(10, t.shop.inventory().onHand(filter.id()));
        assertEquals(StockReason.COUNT, t.shop.inventory().ledger(filter.id(), 1).get(0).reason());
        assertEquals(StockReason.ADJUSTMENT, t.shop.inventory().ledger(plug.id(), 1).get(0).reason(),
                "a count that matches the books moves nothing");
    }

    @Test
    void lowStockSuggestsOrderingUpToTheMaximum() {
        Part saved = t.shop.catalog().save(new Part(null, "WB-9", "Denso", "Wiper blade 22in", "Wipers", null, 50000,
                90000, true, "C-02", 2, 20, 5, List.of(), List.of()), t.manager);
        t.shop.inventory().adjust(saved.id(), "C-02", 4, "opening stock", t.manager);
        PartSummary plenty = t.part("OF-1", "Oil filter", null, 30000, 65000, 50);

        List<StockLevel> low = t.shop.inventory().lowStock();

        assertEquals(1, low.size());
        assertEquals("WB-9", low.get(0).partNumber());
        assertEquals(16, low.get(0).suggestedOrderQuantity());
        assertEquals(0, new StockLevel(plenty.id(), "OF-1", "Bosch", "Oil filter", "Filters", 50, 0, 0, 0, 0, 0, null)
                .suggestedOrderQuantity());
        assertEquals(10, new StockLevel(plenty.id(), "X", "B", "N", "C", 0, 0, 0, 0, 5, 0, null).suggestedOrderQuantity(),
                "without a maximum, order up to twice the reorder point");
    }

    @Test
    void deadStockIsWhatSitsOnTheShelfWithoutASale() {
        PartSummary sold = t.part("OF-1", "Oil filter", null, 30000, 65000, 10);
        PartSummary idle = t.part("SP-1", "Spark plug", null, 20000, 45000, 40);
        t.clock.advanceDays(100);
        Cart cart = new Cart(t.shop.profile().tax());
        cart.add(sold, 1);
        t.shop.sales().complete(cart, List.of(Tender.cash(65000)), t.clerk);

        assertEquals(List.of("SP-1"), t.shop.inventory().deadStock(90).stream().map(StockLevel::partNumber).toList());
    }
}
