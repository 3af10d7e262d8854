package org.clutch.shop.sales;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.customers.Customers;
import org.clutch.shop.db.DocumentNumbers;
import org.clutch.shop.db.Outbox;
import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.inventory.Inventory;
import org.clutch.shop.inventory.StockReason;
import org.clutch.shop.money.Tender;
import org.clutch.shop.profile.ShopProfile;
import org.clutch.shop.staff.Staff;

/**
 * Closing sales, voiding them, taking goods back, and holding sales aside. Each of these is one local
 * transaction: the sale, its stock movements and its outbox events are written together or not at all.
 */
public final class Sales {

    private final ShopDatabase database;
    private final TillSettings tillSettings;
    private final Inventory inventory;
    private final ShopProfile profile;
    private final Clock clock;

    public Sales(ShopDatabase database, TillSettings tillSettings, Inventory inventory, ShopProfile profile, Clock clock) {
        this.database = database;
        this.tillSettings = tillSettings;
        this.inventory = inventory;
        this.profile = profile;
        this.clock = clock;
    }

    /** Takes payment for the cart and closes the sale: the stock leaves the shelf and the sale gets its number. */
    public SaleRecord complete(Cart cart, List<Tender> tenders, Staff by) {
        if (cart.isEmpty()) {
            throw new RuleException("The sale has no items.");
        }
        cart.checkDiscounts();
        Optional<String> approval = cart.approvalNeeded(by, tillSettings.limits());
        if (approval.isPresent()) {
            throw new RuleException(approval.get() + " A shop manager must approve it.");
        }
        Totals totals = cart.totals();
        Settlement settlement = Settlement.of(totals.totalMinor(), tenders);
        if (!settlement.isSettled()) {
            throw new RuleException("The payment is " + profile.currency().format(settlement.dueMinor()) + " short.");
        }
        UUID saleId = UUID.randomUUID();
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            String number = "S" + String.format("%06d", DocumentNumbers.next(c, "sale"));
            SaleStore.insertSale(c, saleId, number, "COMPLETED", cart, by, null, totals, settlement, now);
            SaleStore.insertTenders(c, saleId, tenders);
            long onAccount = Tender.sum(tenders, Tender.Kind.ACCOUNT);
            if (onAccount > 0) {
                Customers.charge(c, cart.customerId(), onAccount, number, by, now, profile);
            }
            for (CartLine line : cart.lines()) {
                inventory.record(c, line.partId(), line.bin(), -line.quantity(), StockReason.SALE, number, null, by);
            }
            SaleRecord sale = SaleStore.load(c, saleId).orElseThrow();
            Outbox.record(c, SaleEvents.SALE_COMPLETED, saleId, SaleEvents.saleCompleted(sale), now);
            return sale;
        });
    }

    /** The sale, when it can still be voided; otherwise says why not (the way back is then a return). */
    public SaleRecord checkVoidable(String number) {
        SaleRecord sale = findByNumber(number).orElseThrow(() -> new RuleException("There is no sale " + number + "."));
        sale.checkVoidable(clock);
        return sale;
    }

    /**
     * Cancels a sale made today, on a manager's authority and with a reason: the goods go back to their bins.
     * Later, or once goods were returned against it, the way back is a return.
     */
    public SaleRecord voidSale(String number, String reason, Staff manager) {
        manager.requireManager("void a sale");
        if (reason == null || reason.isBlank()) {
            throw new RuleException("Say why the sale is voided.");
        }
        SaleRecord sale = checkVoidable(number);
        String why = reason.trim();
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            SaleStore.markVoided(c, sale, why, manager, now);
            for (SaleRecord.Line line : sale.lines()) {
                inventory.record(c, line.partId(), line.bin(), line.quantity(), StockReason.VOID, number, why, manager);
            }
            long onAccount = Tender.sum(sale.tenders(), Tender.Kind.ACCOUNT);
            if (onAccount > 0) {
                Customers.refund(c, sale.customerId(), onAccount, "void of " + number, manager, now);
            }
            Outbox.record(c, SaleEvents.SALE_VOIDED, sale.id(), SaleEvents.saleVoided(sale, why, manager), now);
            return SaleStore.load(c, sale.id()).orElseThrow();
        });
    }

    /**
     * Works out a return without making it: what comes back, how the refund is paid out and whether a manager must
     * approve it. The till shows this before asking for a manager.
     */
    public RefundPlan planReturn(String originalNumber, List<ReturnItem> items, RefundMethod method, Staff by) {
        UUID originalId = idOf(originalNumber);
        return database.read(c -> SaleStore.load(c, originalId).orElseThrow().planReturn(items, method,
                SaleStore.refundedSoFar(c, originalId), by, TillSettings.limits(c), profile.currency()));
    }

    /**
     * Takes goods back against the original sale, priced and paid out as {@link #planReturn} says; restocked units
     * go back to the bin they were sold from. A refund over the clerk's limit, or in cash beyond the cash the sale
     * took, needs a manager ({@code by} or {@code approvedBy}), who is then named on the return.
     */
    public SaleRecord returnItems(String originalNumber, List<ReturnItem> items, RefundMethod method, Staff by,
            Staff approvedBy) {
        UUID originalId = idOf(originalNumber);
        UUID returnId = UUID.randomUUID();
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            // Read, check and price under the sale's lock, so two tills cannot return the same unit twice and
            // each refund is the share of what is still unreturned at that moment.
            SaleStore.lock(c, originalId);
            SaleRecord original = SaleStore.load(c, originalId).orElseThrow();
            RefundPlan plan = original.planReturn(items, method, SaleStore.refundedSoFar(c, originalId), by,
                    TillSettings.limits(c), profile.currency());
            if (plan.approvalReason().isPresent() && (approvedBy == null || !approvedBy.isManager())) {
                throw new RuleException(plan.approvalReason().get() + " A shop manager must approve it.");
            }
            Staff approver = plan.approvalReason().isPresent() ? approvedBy : null;
            String number = "R" + String.format("%06d", DocumentNumbers.next(c, "sale"));
            SaleStore.insertReturn(c, returnId, number, original, items, plan, by, approver, now);
            SaleStore.insertTenders(c, returnId, plan.tenders());
            long toAccount = Tender.sum(plan.tenders(), Tender.Kind.ACCOUNT);
            if (toAccount > 0) {
                Customers.refund(c, original.customerId(), toAccount, number, by, now);
            }
            for (ReturnItem item : items) {
                SaleRecord.Line line = original.line(item.lineNo());
                if (item.restock()) {
                    inventory.record(c, line.partId(), line.bin(), item.quantity(), StockReason.RETURN, number,
                            "returned from " + originalNumber, by);
                }
            }
            SaleRecord made = SaleStore.load(c, returnId).orElseThrow();
            Outbox.record(c, SaleEvents.RETURN_COMPLETED, returnId, SaleEvents.returnCompleted(made, original), now);
            return made;
        });
    }

    /** Puts the cart aside under a label; it can be recalled at any till of this shop. */
    public UUID hold(Cart cart, String label, Staff by) {
        if (cart.isEmpty()) {
            throw new RuleException("There is nothing to hold.");
        }
        UUID id = UUID.randomUUID();
        Totals totals = cart.totals();
        database.inTransaction(c -> {
            SaleStore.insertSale(c, id, null, "HELD", cart, by, label == null || label.isBlank() ? "Held sale" : label.trim(),
                    totals, new Settlement(totals.totalMinor(), 0, totals.totalMinor(), 0), clock.instant());
            return null;
        });
        return id;
    }

    public List<HeldSale> held() {
        return database.read(HeldSaleStore::held);
    }

    /** Brings a held sale back as a cart and removes it from the held list (one till gets it, not two). */
    public Cart recall(UUID heldId) {
        return database.inTransaction(c -> HeldSaleStore.takeHeld(c, heldId, profile.tax()));
    }

    public Optional<SaleRecord> findByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return database.read(c -> {
            Optional<UUID> id = SaleStore.idOf(c, number.trim().toUpperCase());
            return id.isEmpty() ? Optional.empty() : SaleStore.load(c, id.get());
        });
    }

    public Optional<SaleRecord> get(UUID id) {
        return database.read(c -> SaleStore.load(c, id));
    }

    /** Completed sales and returns, newest first. */
    public List<SaleRecord> recent(int limit) {
        return database.read(c -> {
            List<SaleRecord> sales = new ArrayList<>();
            for (UUID id : SaleStore.recentIds(c, limit)) {
                SaleStore.load(c, id).ifPresent(sales::add);
            }
            return sales;
        });
    }

    private UUID idOf(String number) {
        Optional<UUID> id = number == null || number.isBlank() ? Optional.empty()
                : database.read(c -> SaleStore.idOf(c, number.trim().toUpperCase()));
        return id.orElseThrow(() -> new RuleException("There is no sale " + number + "."));
    }
}
