package org.clutch.web.it;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.money.Tender;
import org.clutch.shop.purchasing.OrderLine;
import org.clutch.shop.purchasing.PurchaseOrder;
import org.clutch.shop.purchasing.Supplier;
import org.clutch.shop.sales.Cart;
import org.clutch.shop.sales.RefundMethod;
import org.clutch.shop.sales.ReturnItem;
import org.clutch.shop.sales.SaleRecord;
import org.clutch.shop.staff.Role;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.sync.OutboxSender;

/** A shop desktop's data (its real local database and rules) in a directory, with a manager, a clerk and helpers. */
final class DesktopShop implements AutoCloseable {

    final Shop shop;
    final Staff manager;
    final Staff clerk;

    private DesktopShop(Shop shop, Staff manager, Staff clerk) {
        this.shop = shop;
        this.manager = manager;
        this.clerk = clerk;
    }

    static DesktopShop create(Path directory) {
        Shop shop = Shop.open(directory, Clock.systemUTC());
        return new DesktopShop(shop, shop.staff().create("amina", "Amina Wanjiru", Role.MANAGER, "manager-pass".toCharArray()),
                shop.staff().create("otieno", "Otieno Ouma", Role.CLERK, "clerk-pass".toCharArray()));
    }

    static DesktopShop reopen(Path directory) {
        Shop shop = Shop.open(directory, Clock.systemUTC());
        return new DesktopShop(shop, shop.staff().login("amina", "manager-pass".toCharArray()).orElseThrow(),
                shop.staff().login("otieno", "clerk-pass".toCharArray()).orElseThrow());
    }

    /** A part with {@code stock} units received into bin A-01. */
    PartSummary part(String number, String name, long priceMinor, int stock) {
        Part part = shop.catalog().save(new Part(null, number, "Bosch", name, "Brakes", null, priceMinor / 2, priceMinor,
                true, "A-01", 0, 0, 0, List.of(), List.of()), manager);
        if (stock != 0) {
            shop.inventory().adjust(part.id(), "A-01", stock, "opening stock", manager);
        }
        return shop.catalog().findByNumber(number).get(0);
    }

    SaleRecord sell(PartSummary part, int quantity) {
        Cart cart = new Cart(shop.profile().tax());
        cart.add(part, quantity);
        return shop.sales().complete(cart, List.of(Tender.cash(part.priceMinor() * quantity * 2)), clerk);
    }

    void sell(PartSummary part, int quantity, int times) {
        for (int i = 0; i < times; i++) {
            sell(part, quantity);
        }
    }

    /** {@code operations} of a shop's day: sales of one to three units, returns of earlier sales, goods received. */
    void workADay(List<PartSummary> parts, int operations) {
        Random random = new Random(7);
        Supplier supplier = shop.purchasing().saveSupplier(
                new Supplier(null, "Nairobi Auto Parts", "Jane", "0700 000 001", null, 3, true), manager);
        List<SaleRecord> sales = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            PartSummary part = parts.get(random.nextInt(parts.size()));
            int kind = i % 50;
            if (kind == 49) {
                PurchaseOrder order = shop.purchasing().draft(supplier.id(),
                        List.of(new OrderLine(part.id(), 20, null)), "top-up", clerk);
                shop.purchasing().approve(order.id(), manager);
                shop.purchasing().send(order.id(), clerk);
                shop.purchasing().receive(order.id(), Map.of(1, 20), clerk);
            } else if (kind % 12 == 11 && !sales.isEmpty()) {
                SaleRecord sold = sales.remove(random.nextInt(sales.size()));
                shop.sales().returnItems(sold.number(), List.of(new ReturnItem(1, 1, true)), RefundMethod.AS_PAID,
                        manager, manager);
            } else {
                sales.add(sell(part, 1 + random.nextInt(3)));
            }
        }
    }

    /** Every event of the outbox, oldest first. */
    List<UUID> outbox() {
        return outbox(shop.database());
    }

    long unsent() {
        return new OutboxSender(shop.database(), Clock.systemUTC()).waiting();
    }

    static List<UUID> outbox(ShopDatabase database) {
        return database.read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT id FROM outbox_event ORDER BY seq")) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    @Override
    public void close() {
        shop.close();
    }
}
