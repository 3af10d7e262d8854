package org.clutch.shop.sales;

/** Units of one line of the original sale coming back, and whether they go back on the shelf. */
public record ReturnItem(int lineNo, int quantity, boolean restock) {
}
