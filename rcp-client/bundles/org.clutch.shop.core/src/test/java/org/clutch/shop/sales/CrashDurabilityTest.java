package org.clutch.shop.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.clutch.shop.Shop;
import org.clutch.shop.TestShop;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.money.Tender;
import org.clutch.shop.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till process is killed with SIGKILL while it rings up sales one after another. Every sale it reported as
 * completed must be there after a restart, with its stock movements, and the stock must equal the ledger.
 */
class CrashDurabilityTest {

    private static final int OPENING_STOCK = 100_000;

    @TempDir
    Path directory;

    @Test
    void aKilledTillLosesNoConfirmedSale() throws Exception {
        String partId;
        try (TestShop t = new TestShop(directory)) {
            partId = t.part("BP-100", "Brake pad set front", null, 250000, 450000, OPENING_STOCK).id().toString();
        }
        Process till = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Till.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> confirmed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(till.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                confirmed.add(line);
                if (confirmed.size() == 40) {
                    till.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-way through the next sale
                    break;
                }
            }
        }
        assertTrue(till.waitFor(30, TimeUnit.SECONDS));
        assertEquals(40, confirmed.size(), "the till confirmed sales before it was killed");

        try (Shop shop = Shop.open(directory, Clock.systemUTC())) {
            for (String number : confirmed) {
                SaleRecord sale = shop.sales().findByNumber(number).orElseThrow(() -> new AssertionError(number + " lost"));
                assertEquals(SaleRecord.Status.COMPLETED, sale.status());
            }
            int sold = shop.database().read(c -> {
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT COALESCE(SUM(l.quantity), 0) FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE s.status = 'COMPLETED'")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            int ledger = shop.database().read(c -> {
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT SUM(quantity) FROM stock_movement WHERE part_id = '" + partId + "'")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertTrue(sold >= 40, "at least the confirmed sales are there");
            assertEquals(OPENING_STOCK - sold, ledger, "every stored sale took its stock, none twice, none without a sale");
            assertEquals(ledger, shop.inventory().onHand(java.util.UUID.fromString(partId)), "level equals ledger");
        }
    }

    /** The till in the child process: sells one unit at a time and prints each sale number once it is confirmed. */
    public static final class Till {
        public static void main(String[] args) {
            Shop shop = Shop.open(Path.of(args[0]), Clock.systemUTC());
            Staff clerk = shop.staff().login("otieno", "clerk-pass".toCharArray()).orElseThrow();
            PartSummary pads = shop.catalog().findByNumber("BP-100").get(0);
            while (true) {
                Cart cart = new Cart(shop.profile().tax());
                cart.add(pads, 1);
                SaleRecord sale = shop.sales().complete(cart, List.of(Tender.cash(450000)), clerk);
                System.out.println(sale.number());
                System.out.flush();
            }
        }
    }
}
