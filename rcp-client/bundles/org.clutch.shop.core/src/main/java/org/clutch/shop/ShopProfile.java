package org.clutch.shop;

import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.TaxRule;

/**
 * The shop's own settings: name, currency, tax and the receipt's footer. The limits staff work within change while
 * the desktop runs and are read when they apply (TillSettings).
 */
public record ShopProfile(String name, ShopCurrency currency, TaxRule tax, String receiptFooter) {
}
