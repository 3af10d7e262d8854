package org.clutch.shop.sales;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Discount;
import org.clutch.shop.money.TaxRule;
import org.clutch.shop.staff.Staff;

/**
 * The sale being rung up at the till, before it is paid. It holds the pricing rules: line discounts, a sale
 * discount shared over the lines in proportion to their value, and tax per line. Discounts never take more than
 * what they are on, and a clerk's discount beyond the shop's limit, or a sale at zero, waits for a manager's approval.
 */
public final class Cart {

    private final TaxRule tax;
    private final List<CartLine> lines = new ArrayList<>();
    private Discount saleDiscount = Discount.NONE;
    private UUID customerId;
    private String customerName;
    private Staff approvedBy;
    private long approvedDiscountMinor;

    public Cart(TaxRule tax) {
        this.tax = tax;
    }

    public TaxRule tax() {
        return tax;
    }

    public List<CartLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * Adds units of a part; scanning the same part again adds to its line (unless that line has its own
     * discount, which then stays with the units it was given for).
     */
    public CartLine add(PartSummary part, int quantity) {
        for (CartLine line : lines) {
            if (line.partId().equals(part.id()) && line.discount().isNone()) {
                line.setQuantity(line.quantity() + quantity);
                return line;
            }
        }
        CartLine line = new CartLine(part.id(), part.partNumber(), part.brand() + " " + part.name(), part.defaultBin(),
                part.priceMinor(), part.costMinor(), part.taxable(), quantity);
        lines.add(line);
        return line;
    }

    /** Adds a line as it was kept (a held sale being recalled). */
    public void restore(CartLine line) {
        lines.add(line);
    }

    public CartLine line(int index) {
        if (index < 0 || index >= lines.size()) {
            throw new RuleException("Choose a line of the sale.");
        }
        return lines.get(index);
    }

    public void remove(int index) {
        lines.remove(line(index));
    }

    /** How many units of this part the sale already holds (over all its lines). */
    public int quantityOf(UUID partId) {
        return lines.stream().filter(l -> l.partId().equals(partId)).mapToInt(CartLine::quantity).sum();
    }

    public Discount saleDiscount() {
        return saleDiscount;
    }

    /** Gives the whole sale a discount; one larger than what the lines come to after their own discounts is refused. */
    public void setSaleDiscount(Discount discount) {
        Discount given = discount == null ? Discount.NONE : discount;
        if (given.exceeds(afterLineDiscounts())) {
            throw new RuleException("The discount is more than the sale is worth after its line discounts.");
        }
        this.saleDiscount = given;
    }

    /**
     * Why a manager must approve this sale before {@code by} may complete it, or empty when nothing needs approval:
     * a clerk's discounts beyond the limit, or a sale that comes to zero. A manager's approval covers the discount
     * as it was approved; a larger one later needs approving again.
     */
    public Optional<String> approvalNeeded(Staff by, TillLimits limits) {
        if (by.isManager()) {
            return Optional.empty();
        }
        Totals totals = totals();
        boolean approved = approvedBy != null && totals.discountMinor() <= approvedDiscountMinor;
        if (approved || isEmpty()) {
            return Optional.empty();
        }
        if (totals.totalMinor() == 0) {
            return Optional.of("The sale comes to zero.");
        }
        if (totals.discountMinor() > limits.clerkDiscountLimitOn(totals.subtotalMinor())) {
            return Optional.of("A discount of " + Discount.percentText(totals.discountMinor() * 10_000 / totals.subtotalMinor())
                    + " of the sale is over the clerk's limit of " + Discount.percentText(limits.clerkDiscountLimitBp()) + ".");
        }
        return Optional.empty();
    }

    /** A manager approves the sale's discounts as they stand now. */
    public void approve(Staff manager) {
        manager.requireManager("approve a discount");
        this.approvedBy = manager;
        this.approvedDiscountMinor = totals().discountMinor();
    }

    /** The manager who approved this sale's discounts, or null. */
    public Staff approvedBy() {
        return approvedBy;
    }

    /** Refuses a discount that no longer fits its line or sale (lines removed or made smaller since it was given). */
    void checkDiscounts() {
        for (CartLine line : lines) {
            if (line.discount().exceeds(line.grossMinor())) {
                throw new RuleException("The discount on " + line.partNumber() + " is more than the line is worth.");
            }
        }
        if (saleDiscount.exceeds(afterLineDiscounts())) {
            throw new RuleException("The sale discount is more than the sale is worth after its line discounts.");
        }
    }

    private long afterLineDiscounts() {
        return lines.stream().mapToLong(l -> l.grossMinor() - l.discount().of(l.grossMinor())).sum();
    }

    public UUID customerId() {
        return customerId;
    }

    public String customerName() {
        return customerName;
    }

    public void setCustomer(UUID id, String name) {
        this.customerId = id;
        this.customerName = name;
    }

    public Totals totals() {
        int n = lines.size();
        long[] afterLineDiscount = new long[n];
        long[] lineDiscount = new long[n];
        long base = 0;
        for (int i = 0; i < n; i++) {
            CartLine line = lines.get(i);
            lineDiscount[i] = line.discount().of(line.grossMinor());
            afterLineDiscount[i] = line.grossMinor() - lineDiscount[i];
            base += afterLineDiscount[i];
        }
        long[] share = allocate(saleDiscount.of(base), afterLineDiscount, base);
        List<Totals.LineTotals> lineTotals = new ArrayList<>(n);
        long subtotal = 0;
        long discount = 0;
        long taxTotal = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            CartLine line = lines.get(i);
            long net = afterLineDiscount[i] - share[i];
            long lineTax = line.taxable() ? tax.taxOn(net) : 0;
            long lineTotal = line.taxable() ? tax.grossOf(net, lineTax) : net;
            lineTotals.add(new Totals.LineTotals(line.grossMinor(), lineDiscount[i] + share[i], lineTax, lineTotal));
            subtotal += line.grossMinor();
            discount += lineDiscount[i] + share[i];
            taxTotal += lineTax;
            total += lineTotal;
        }
        return new Totals(subtotal, discount, taxTotal, total, List.copyOf(lineTotals));
    }

    /**
     * Splits {@code amount} over the weights in proportion, in whole minor units, handing the units lost to
     * rounding to the largest remainders so the shares add up to the amount exactly.
     */
    static long[] allocate(long amount, long[] weights, long weightSum) {
        long[] shares = new long[weights.length];
        if (amount == 0 || weightSum == 0) {
            return shares;
        }
        long given = 0;
        long[] remainders = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            shares[i] = Math.multiplyExact(amount, weights[i]) / weightSum;
            remainders[i] = Math.multiplyExact(amount, weights[i]) % weightSum;
            given += shares[i];
        }
        for (long left = amount - given; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        return shares;
    }
}
