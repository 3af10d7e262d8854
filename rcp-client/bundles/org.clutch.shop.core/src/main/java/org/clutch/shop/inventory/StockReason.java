package org.clutch.shop.inventory;

/** Why stock moved. Every change to what is on the shelf has one. */
public enum StockReason {
    SALE, RETURN, RECEIPT, ADJUSTMENT, COUNT, TRANSFER, VOID
}
