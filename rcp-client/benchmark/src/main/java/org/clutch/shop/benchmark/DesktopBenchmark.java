package org.clutch.shop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.clutch.shop.Shop;
import org.clutch.shop.backup.BackupRecord;
import org.clutch.shop.backup.Backups;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.demo.DemoShop;
import org.clutch.shop.money.Tender;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.staff.Staff;

/**
 * Times what the till does on a large catalog: lookups by part number, cross-reference and barcode, word and
 * vehicle searches, adding a scanned item (lookup, stock check, cart totals) and closing a 20-line sale (sale,
 * stock movements, outbox events, receipt data, committed to disk). Prints p50/p99 per operation. Then a year of
 * sales, the desktop quit and opened again, a day's sales, a backup of it all and its restore, timed once each.
 * Options: -Dparts=100000 -Diterations=300 -Dsales=25000 -DdaySales=150 -Ddir=var/desktop-benchmark (deleted first).
 */
public final class DesktopBenchmark {

    private static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();

    public static void main(String[] args) throws IOException {
        int parts = Integer.getInteger("parts", 100_000);
        int iterations = Integer.getInteger("iterations", 300);
        Path dir = Path.of(System.getProperty("dir", "var/desktop-benchmark"));
        Path backups = dir.resolveSibling(dir.getFileName() + "-backups");
        delete(dir);
        delete(backups);
        Files.createDirectories(backups);
        BackupRecord backup;
        Random random = new Random(7);
        List<Part> sample = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            sample.add(DemoShop.part(random.nextInt(parts), new Random()));
        }
        try (Shop shop = Shop.open(dir, Clock.systemDefaultZone())) {
            long start = System.nanoTime();
            Staff manager = DemoShop.seed(shop, parts);
            System.out.printf(Locale.ROOT, "catalog of %,d parts loaded in %.1f s (parts, cross-references, fitment, words, opening stock, outbox)%n",
                    shop.catalog().count(), (System.nanoTime() - start) / 1e9);
            String[] words = {"brake pad", "oil filter", "spark plug", "ignition coil bosch", "shock absorber", "timing belt kit"};
            String[][] vehicles = {{"Toyota", "Corolla", "2016"}, {"Nissan", "X-Trail", "2018"}, {"Subaru", "Forester", "2015"}};

            measure("lookup by part number", iterations, i -> one(shop.catalog().search(sample.get(i % 1000).partNumber(), 50)));
            measure("lookup by cross-reference", iterations, i -> one(shop.catalog().search(
                    sample.get(i % 1000).crossReferences().get(0).number(), 50)));
            measure("lookup by barcode", iterations, i -> one(shop.catalog().search(sample.get(i % 1000).barcode(), 50)));
            measure("text search (words, 200 hits max)", iterations, i -> shop.catalog().search(words[i % words.length], 200));
            measure("vehicle search (200 hits max)", iterations, i -> {
                String[] v = vehicles[i % vehicles.length];
                shop.catalog().searchByVehicle(v[0], v[1], Integer.parseInt(v[2]), "", 200);
            });
            measure("vehicle + words search", iterations, i -> {
                String[] v = vehicles[i % vehicles.length];
                shop.catalog().searchByVehicle(v[0], v[1], Integer.parseInt(v[2]), "brake", 200);
            });
            Cart scanning = new Cart(shop.profile().tax());
            measure("add a scanned item (barcode, stock check, totals)", iterations, i -> {
                if (scanning.lines().size() >= 40) {
                    while (!scanning.isEmpty()) {
                        scanning.remove(0);
                    }
                }
                PartSummary part = shop.catalog().findByBarcode(sample.get(i % 1000).barcode()).orElseThrow();
                shop.inventory().onHand(part.id());
                scanning.add(part, 1);
                scanning.totals();
            });
            List<PartSummary> twenty = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                twenty.add(shop.catalog().findByNumber(sample.get(i).partNumber()).get(0));
            }
            measure("close a 20-line sale (durable)", Math.min(iterations, 200), i -> {
                Cart cart = new Cart(shop.profile().tax());
                twenty.forEach(p -> cart.add(p, 1));
                shop.sales().complete(cart, List.of(Tender.cash(cart.totals().totalMinor())), manager);
            });
            recordAYearOfSales(shop, manager, sample);
        }
        // the desktop is quit at the end of a day (which compacts the file) and opened the next morning
        try (Shop shop = Shop.open(dir, Clock.systemDefaultZone())) {
            backup = backUpAfterADay(shop, shop.staff().login(DemoShop.MANAGER, DemoShop.PASSWORD.toCharArray()).orElseThrow(),
                    sample, backups);
        }
        long start = System.nanoTime();
        Backups.stage(dir, backup.file(), PASSPHRASE);
        try (Shop restored = Shop.open(dir, Clock.systemDefaultZone())) {
            System.out.printf(Locale.ROOT, "restore (check whole, decrypt, unpack, swap in, open): %.1f s, %,d sales back%n",
                    (System.nanoTime() - start) / 1e9, restored.database().read(c -> {
                        try (ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM sale")) {
                            count.next();
                            return count.getInt(1);
                        }
                    }));
        }
    }

    /** Rings up a year of counter sales ({@code -Dsales}, 1 to 5 lines each, through the real rules). */
    private static void recordAYearOfSales(Shop shop, Staff manager, List<Part> sample) {
        int sales = Integer.getInteger("sales", 25_000);
        long start = System.nanoTime();
        ringUp(shop, manager, sample, sales);
        System.out.printf(Locale.ROOT, "a year of sales: %,d sales recorded in %.1f s%n", sales, (System.nanoTime() - start) / 1e9);
    }

    /** A day's sales ({@code -DdaySales}, 150), then a backup of the whole database to {@code folder}, timed. */
    private static BackupRecord backUpAfterADay(Shop shop, Staff manager, List<Part> sample, Path folder) throws IOException {
        ringUp(shop, manager, sample, Integer.getInteger("daySales", 150));
        Path file = shop.database().directory().resolve(ShopDatabase.FILE_NAME + ".mv.db");
        shop.backups().configure(folder, 14, PASSPHRASE, manager);
        long start = System.nanoTime();
        BackupRecord made = shop.backups().backUpNow(manager);
        System.out.printf(Locale.ROOT, "backup (online copy, encrypt, write, read back): %.1f s, %,.1f MB from a %,.1f MB database file%n",
                (System.nanoTime() - start) / 1e9, made.bytes() / 1e6, Files.size(file) / 1e6);
        return made;
    }

    private static void ringUp(Shop shop, Staff manager, List<Part> sample, int sales) {
        Random random = new Random(11);
        List<PartSummary> shelf = new ArrayList<>();
        for (Part part : sample) {
            shelf.add(shop.catalog().findByNumber(part.partNumber()).get(0));
        }
        for (int i = 0; i < sales; i++) {
            Cart cart = new Cart(shop.profile().tax());
            for (int line = random.nextInt(5); line >= 0; line--) {
                cart.add(shelf.get(random.nextInt(shelf.size())), 1);
            }
            shop.sales().complete(cart, List.of(Tender.cash(cart.totals().totalMinor())), manager);
        }
    }

    private static void one(List<PartSummary> hits) {
        if (hits.isEmpty()) {
            throw new IllegalStateException("a known part was not found");
        }
    }

    private static void measure(String name, int iterations, IntConsumer operation) {
        for (int i = 0; i < Math.max(20, iterations / 5); i++) {
            operation.accept(i + 10_000); // warm-up on other keys
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            operation.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-52s p50 %7.2f ms   p99 %7.2f ms   (n=%d)%n", name,
                nanos[iterations / 2] / 1e6, nanos[(int) Math.ceil(iterations * 0.99) - 1] / 1e6, iterations);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
