package org.clutch.shop;

import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.TaxRule;

/** The shop's own settings: name, currency, tax and the limits staff work within. */
public record ShopProfile(String name, ShopCurrency currency, TaxRule tax, long clerkReturnLimitMinor,
        String receiptFooter) {
}
