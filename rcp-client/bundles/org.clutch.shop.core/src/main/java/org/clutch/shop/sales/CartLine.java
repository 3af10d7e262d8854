package org.clutch.shop.sales;

import java.util.UUID;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.money.Discount;

/** One line of the sale being rung up. */
public final class CartLine {

    private final UUID partId;
    private final String partNumber;
    private final String description;
    private final String bin;
    private final long unitPriceMinor;
    private final long unitCostMinor;
    private final boolean taxable;
    private int quantity;
    private Discount discount = Discount.NONE;

    public CartLine(UUID partId, String partNumber, String description, String bin, long unitPriceMinor,
            long unitCostMinor, boolean taxable, int quantity) {
        this.partId = partId;
        this.partNumber = partNumber;
        this.description = description;
        this.bin = bin;
        this.unitPriceMinor = unitPriceMinor;
        this.unitCostMinor = unitCostMinor;
        this.taxable = taxable;
        setQuantity(quantity);
    }

    public UUID partId() { return partId; }
    public String partNumber() { return partNumber; }
    public String description() { return description; }
    public String bin() { return bin; }
    public long unitPriceMinor() { return unitPriceMinor; }
    public long unitCostMinor() { return unitCostMinor; }
    public boolean taxable() { return taxable; }
    public int quantity() { return quantity; }
    public Discount discount() { return discount; }

    public long grossMinor() {
        return unitPriceMinor * quantity;
    }

    /** Refuses a quantity no line can hold, before anything else is asked about it. */
    public static void checkQuantity(int quantity) {
        if (quantity <= 0) {
            throw new RuleException("A quantity is at least 1.");
        }
        if (quantity > 9_999) {
            throw new RuleException("A quantity of " + quantity + " is more than one sale can hold.");
        }
    }

    public void setQuantity(int quantity) {
        checkQuantity(quantity);
        if (discount.exceeds(unitPriceMinor * quantity)) {
            throw new RuleException("With " + quantity + " units the line's discount would be more than the line;"
                    + " change the discount first.");
        }
        this.quantity = quantity;
    }

    /** Gives the line a discount; one larger than the line is refused, never cut down to fit. */
    public void setDiscount(Discount discount) {
        Discount given = discount == null ? Discount.NONE : discount;
        if (given.exceeds(grossMinor())) {
            throw new RuleException("The discount is more than the line is worth; a line discount is at most the"
                    + " line's own price times its quantity.");
        }
        this.discount = given;
    }
}
