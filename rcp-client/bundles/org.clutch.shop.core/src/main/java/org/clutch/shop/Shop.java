package org.clutch.shop;

import java.nio.file.Path;
import java.time.Clock;

import org.clutch.shop.backup.Backups;
import org.clutch.shop.catalog.Catalog;
import org.clutch.shop.customers.Customers;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.exchange.CatalogCsv;
import org.clutch.shop.exchange.StockCsv;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.marketplace.MarketplaceQuotes;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.purchasing.Purchasing;
import org.clutch.shop.reports.Reports;
import org.clutch.shop.sales.Sales;
import org.clutch.shop.sales.TillSettings;
import org.clutch.shop.staff.StaffDirectory;

/** One shop's desktop data and the services that work on it, opened from a data directory. */
public final class Shop implements AutoCloseable {

    private final ShopDatabase database;
    private final ShopProfile profile;
    private final StaffDirectory staff;
    private final Catalog catalog;
    private final Inventory inventory;
    private final TillSettings tillSettings;
    private final Sales sales;
    private final Customers customers;
    private final Purchasing purchasing;
    private final Reports reports;
    private final CatalogCsv catalogCsv;
    private final StockCsv stockCsv;
    private final MarketplaceQuotes quotes;
    private final Backups backups;
    private final Clock clock;

    private Shop(ShopDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.profile = ShopProfile.load(database);
        this.staff = new StaffDirectory(database);
        this.catalog = new Catalog(database, clock);
        this.inventory = new Inventory(database, clock);
        this.tillSettings = new TillSettings(database);
        this.sales = new Sales(database, tillSettings, inventory, profile, clock);
        this.customers = new Customers(database, profile, clock);
        this.purchasing = new Purchasing(database, inventory, clock);
        this.reports = new Reports(database, clock);
        this.catalogCsv = new CatalogCsv(database, catalog, profile.currency());
        this.stockCsv = new StockCsv(database, catalog, inventory);
        this.quotes = new MarketplaceQuotes(database, catalog, profile.currency(), clock);
        this.backups = new Backups(database, clock);
    }

    public static Shop open(Path dataDirectory, Clock clock) {
        return new Shop(ShopDatabase.open(dataDirectory), clock);
    }

    public ShopDatabase database() { return database; }
    public ShopProfile profile() { return profile; }
    public StaffDirectory staff() { return staff; }
    public Catalog catalog() { return catalog; }
    public Inventory inventory() { return inventory; }
    public Sales sales() { return sales; }
    public TillSettings tillSettings() { return tillSettings; }
    public Customers customers() { return customers; }
    public Purchasing purchasing() { return purchasing; }
    public Reports reports() { return reports; }
    public CatalogCsv catalogCsv() { return catalogCsv; }
    public StockCsv stockCsv() { return stockCsv; }
    public MarketplaceQuotes quotes() { return quotes; }
    public Backups backups() { return backups; }
    public Clock clock() { return clock; }

    @Override
    public void close() {
        database.close();
    }
}
