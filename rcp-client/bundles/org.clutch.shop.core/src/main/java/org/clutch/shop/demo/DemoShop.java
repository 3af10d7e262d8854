package org.clutch.shop.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.customers.CustomerVehicle;
import org.clutch.shop.customers.Customers;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.inventory.StockLevel;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.money.Tender;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.purchasing.Purchasing;
import org.clutch.shop.purchasing.Supplier;
import org.clutch.shop.purchasing.SupplierPart;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.Sales;
import org.clutch.shop.staff.Role;
import org.clutch.shop.staff.Staff;

/**
 * A believable parts shop for demos, screenshots and benchmarks: two staff, and a catalog of common wear parts
 * for the makes seen on East African roads, with OEM cross-references, fitment, barcodes and opening stock.
 * The same seed gives the same shop.
 */
public final class DemoShop {

    public static final String MANAGER = "amina";
    public static final String CLERK = "otieno";
    public static final String PASSWORD = "clutch-demo";
    public static final String BACKUP_PASSPHRASE = "clutch-demo-backups";

    private record Kind(String category, String name, long priceMajor, String... brands) {
    }

    private static final Kind[] KINDS = {
        new Kind("Brakes", "Brake pad set front", 4500, "Bosch", "Brembo", "TRW", "Akebono"),
        new Kind("Brakes", "Brake pad set rear", 3800, "Bosch", "Brembo", "TRW"),
        new Kind("Brakes", "Brake disc front", 7800, "Brembo", "TRW", "Bosch"),
        new Kind("Filters", "Oil filter", 850, "Mann", "Mahle", "Bosch", "Denso"),
        new Kind("Filters", "Air filter", 1400, "Mann", "Mahle", "Bosch"),
        new Kind("Filters", "Fuel filter", 1900, "Mann", "Bosch", "Denso"),
        new Kind("Filters", "Cabin air filter", 1200, "Mann", "Bosch"),
        new Kind("Ignition", "Spark plug iridium", 1100, "NGK", "Denso", "Bosch"),
        new Kind("Ignition", "Ignition coil", 6500, "Denso", "Bosch", "NGK"),
        new Kind("Engine management", "Oxygen sensor upstream", 9800, "Denso", "Bosch", "NTK"),
        new Kind("Exhaust", "Catalytic converter", 38000, "Walker", "Bosal"),
        new Kind("Suspension", "Shock absorber front", 8900, "KYB", "Monroe", "Bilstein"),
        new Kind("Suspension", "Stabiliser link", 2100, "Lemforder", "TRW", "555"),
        new Kind("Cooling", "Water pump", 7200, "Aisin", "GMB", "SKF"),
        new Kind("Cooling", "Thermostat", 2400, "Gates", "Mahle"),
        new Kind("Belts", "Timing belt kit", 12500, "Gates", "Contitech", "SKF"),
        new Kind("Belts", "Drive belt", 1800, "Gates", "Bando", "Contitech"),
        new Kind("Electrical", "Battery 12V 60Ah", 14500, "Varta", "Chloride Exide", "Bosch"),
        new Kind("Electrical", "Alternator", 24000, "Denso", "Bosch", "Valeo"),
        new Kind("Wipers", "Wiper blade 22in", 900, "Bosch", "Denso", "Valeo"),
        new Kind("Clutch", "Clutch kit", 21000, "Exedy", "Valeo", "Sachs"),
    };

    private record Vehicle(String make, String model, int from, int to, String engine, String oemPrefix) {
    }

    private static final Vehicle[] VEHICLES = {
        new Vehicle("Toyota", "Corolla", 2014, 2019, "1.6 1ZR", "04465"),
        new Vehicle("Toyota", "Probox", 2008, 2022, "1.5 1NZ", "04465"),
        new Vehicle("Toyota", "Hilux", 2016, 2023, "2.4 2GD", "04465"),
        new Vehicle("Toyota", "Land Cruiser Prado", 2010, 2020, "3.0 1KD", "04465"),
        new Vehicle("Nissan", "Note", 2013, 2020, "1.2 HR12", "41060"),
        new Vehicle("Nissan", "X-Trail", 2014, 2021, "2.0 MR20", "D1060"),
        new Vehicle("Mazda", "Demio", 2011, 2019, "1.3 P3", "D651"),
        new Vehicle("Subaru", "Forester", 2013, 2018, "2.0 FB20", "26296"),
        new Vehicle("Volkswagen", "Golf", 2009, 2016, "1.4 TSI", "1K0"),
        new Vehicle("Isuzu", "D-Max", 2012, 2020, "2.5 4JK1", "8980"),
        new Vehicle("Mitsubishi", "Pajero", 2007, 2019, "3.2 4M41", "4605A"),
        new Vehicle("Honda", "Fit", 2013, 2020, "1.3 L13B", "45022"),
        // the car the simulated OBD2 reader is plugged into
        new Vehicle("Honda", "Accord", 2003, 2007, "2.4 K24A", "06430"),
    };

    private DemoShop() {
    }

    /** Adds the demo staff (if missing) and {@code partCount} parts with stock. Returns the manager. */
    public static Staff seed(Shop shop, int partCount) {
        Staff manager = shop.staff().login(MANAGER, PASSWORD.toCharArray()).orElseGet(() -> {
            shop.staff().create(CLERK, "Otieno Ouma", Role.CLERK, PASSWORD.toCharArray());
            return shop.staff().create(MANAGER, "Amina Wanjiru", Role.MANAGER, PASSWORD.toCharArray());
        });
        Random random = new Random(42);
        int batch = 500;
        for (int start = 0; start < partCount; start += batch) {
            int first = start;
            int last = Math.min(partCount, start + batch);
            shop.database().inTransaction(c -> {
                for (int i = first; i < last; i++) {
                    Part part = shop.catalog().save(c, part(i, random), manager);
                    int stock = random.nextInt(10) < 8 ? 1 + random.nextInt(24) : 0;
                    if (stock > 0) {
                        shop.inventory().record(c, part.id(), part.defaultBin(), stock, StockReason.ADJUSTMENT, null,
                                "opening stock", manager);
                    }
                }
                return null;
            });
        }
        return manager;
    }

    /**
     * Backs the demo shop up to {@code folder} with the passphrase {@value #BACKUP_PASSPHRASE}, once set up making the
     * first backup at once (later ones come daily by themselves).
     */
    public static void setUpBackups(Shop shop, Path folder) {
        if (shop.backups().settings().isSetUp()) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Staff manager = shop.staff().login(MANAGER, PASSWORD.toCharArray()).orElseThrow();
        shop.backups().configure(folder, 14, BACKUP_PASSPHRASE.toCharArray(), manager);
        shop.backups().backUpNow(manager);
    }

    /**
     * The shop's business around the catalog: suppliers for the low parts, customers with vehicles and accounts,
     * two weeks of sales (made with a clock set to each past day, so they go through the real rules), and purchase
     * orders in several states. Call after {@link #seed}.
     */
    public static void seedBusiness(Shop shop, Staff manager) {
        Staff clerk = shop.staff().login(CLERK, PASSWORD.toCharArray()).orElse(manager);
        Purchasing purchasing = shop.purchasing();
        Supplier general = purchasing.saveSupplier(new Supplier(null, "Nairobi Auto Parts", "Jane Mwangi", "0700 100 200",
                "orders@nairobiautoparts.example", 2, true), manager);
        Supplier brakes = purchasing.saveSupplier(new Supplier(null, "Brake World EA", "Peter Odhiambo", "0711 300 400",
                null, 4, true), manager);
        Supplier coast = purchasing.saveSupplier(new Supplier(null, "Mombasa Motor Spares", null, "0733 500 600",
                null, 7, true), manager);
        List<StockLevel> low = shop.inventory().lowStock();
        for (int i = 0; i < low.size() && i < 120; i++) {
            StockLevel level = low.get(i);
            Supplier from = level.category().equals("Brakes") ? brakes
                    : List.of("Filters", "Ignition", "Belts", "Cooling").contains(level.category()) ? general : coast;
            purchasing.saveSupplierPart(new SupplierPart(from.id(), from.name(), level.partId(), level.partNumber(),
                    level.name(), from.name().substring(0, 2).toUpperCase() + "-" + level.partNumber().substring(4),
                    Math.round(level.costMinor() * 0.97 / 100) * 100, null, i % 5 == 0 ? 2 : 1, true), manager);
        }

        Customers customers = shop.customers();
        List<Customer> regulars = List.of(
                customers.save(new Customer(null, "Kamau Garage", "0722 111 222", "kamau@garage.example", "P051234567X",
                        5_000_000, 0, "Pays on the 1st", List.of(new CustomerVehicle(null, "Toyota", "Probox", 2015, "1.5 1NZ",
                                null, "KCD 123A"), new CustomerVehicle(null, "Toyota", "Hilux", 2018, "2.4 2GD", null, "KCH 904B"))),
                        manager),
                customers.save(new Customer(null, "Achieng Otieno", "0711 999 888", null, null, 0, 0, null,
                        List.of(new CustomerVehicle(null, "Nissan", "Note", 2016, "1.2 HR12", "JN1AZ4EH7DM430111", "KDA 555C"))),
                        manager),
                customers.save(new Customer(null, "Rift Valley Fleet Ltd", "0720 456 789", "fleet@rvf.example", "P059876543Y",
                        20_000_000, 0, null, List.of(new CustomerVehicle(null, "Isuzu", "D-Max", 2019, "2.5 4JK1", null, "KCZ 001F"))),
                        manager),
                // her car is the one the simulated OBD2 reader is plugged into (same VIN)
                customers.save(new Customer(null, "Wanjiku Mwangi", "0733 000 111", null, null, 0, 0, null,
                        List.of(new CustomerVehicle(null, "Honda", "Accord", 2003, "2.4 K24A", "1HGCM82633A004352",
                                "KAZ 321X"))), manager));

        List<PartSummary> stocked = shop.catalog().search("brake", 40).stream().filter(p -> p.onHand() > 3).toList();
        List<PartSummary> filters = shop.catalog().search("filter", 40).stream().filter(p -> p.onHand() > 3).toList();
        Random random = new Random(7);
        Instant now = shop.clock().instant();
        for (int daysAgo = 13; daysAgo >= 1; daysAgo--) {
            Clock day = Clock.fixed(now.minus(Duration.ofDays(daysAgo)), shop.clock().getZone());
            Sales sales = new Sales(shop.database(), shop.tillSettings(), new Inventory(shop.database(), day), shop.profile(), day);
            int count = 2 + random.nextInt(5);
            for (int n = 0; n < count && !stocked.isEmpty() && !filters.isEmpty(); n++) {
                Cart cart = new Cart(shop.profile().tax());
                cart.add(stocked.get(random.nextInt(stocked.size())), 1);
                cart.add(filters.get(random.nextInt(filters.size())), 1 + random.nextInt(2));
                Customer customer = regulars.get(random.nextInt(regulars.size()));
                boolean onAccount = customer.creditLimitMinor() > 0 && random.nextBoolean();
                if (onAccount || random.nextInt(3) == 0) {
                    cart.setCustomer(customer.id(), customer.name());
                }
                long total = cart.totals().totalMinor();
                sales.complete(cart, List.of(onAccount ? Tender.account(total) : Tender.cash(total)), clerk);
            }
        }

        List<PurchaseOrder> drafts = purchasing.draftSuggestedOrders(clerk);
        if (!drafts.isEmpty()) {
            PurchaseOrder first = drafts.get(0);
            purchasing.approve(first.id(), manager);
            purchasing.send(first.id(), manager);
            Map<Integer, Integer> half = new LinkedHashMap<>();
            first.lines().stream().limit(2).forEach(l -> half.put(l.lineNo(), Math.max(1, l.quantityOrdered() / 2)));
            purchasing.receive(first.id(), half, clerk);
        }
        if (drafts.size() > 1) {
            purchasing.approve(drafts.get(1).id(), manager);
            purchasing.send(drafts.get(1).id(), manager);
        }
    }

    public static Part part(int i, Random random) {
        Kind kind = KINDS[i % KINDS.length];
        Vehicle vehicle = VEHICLES[(i / KINDS.length) % VEHICLES.length];
        String brand = kind.brands()[(i / (KINDS.length * VEHICLES.length)) % kind.brands().length];
        String number = brand.substring(0, Math.min(3, brand.length())).toUpperCase().replace(" ", "") + "-"
                + String.format("%06d", 100_000 + i * 7);
        long price = Math.round(kind.priceMajor() * (0.85 + random.nextDouble() * 0.3)) * 100;
        long cost = Math.round(price * (0.55 + random.nextDouble() * 0.15));
        List<CrossReference> references = new ArrayList<>();
        references.add(new CrossReference(CrossReference.Kind.OEM, vehicle.make(),
                vehicle.oemPrefix() + "-" + String.format("%05d", (i * 13) % 100_000)));
        if (i % 3 == 0) {
            references.add(new CrossReference(CrossReference.Kind.AFTERMARKET, "Febi", String.valueOf(10_000 + i)));
        }
        int reorder = 2 + random.nextInt(4);
        return new Part(null, number, brand, kind.name(), kind.category(), ean13(200_000_000_000L + i), cost, price,
                true, (char) ('A' + i % 6) + "-" + String.format("%02d", 1 + (i / 6) % 30), reorder, reorder * 4, reorder,
                references, List.of(new Fitment(vehicle.make(), vehicle.model(), vehicle.from(), vehicle.to(),
                        vehicle.engine())));
    }

    /** An in-store EAN-13 (prefix 2) with its check digit. */
    static String ean13(long twelveDigits) {
        String digits = String.format("%012d", twelveDigits);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }
}
