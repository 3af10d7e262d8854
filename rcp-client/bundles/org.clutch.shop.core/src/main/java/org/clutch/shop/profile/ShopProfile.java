package org.clutch.shop.profile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.clutch.shop.db.ShopDatabase;
import org.clutch.shop.money.ShopCurrency;
import org.clutch.shop.money.TaxRule;

/**
 * The shop's own settings: name, currency, tax and the receipt's footer. The limits staff work within change while
 * the desktop runs and are read when they apply (TillSettings).
 */
public record ShopProfile(String name, ShopCurrency currency, TaxRule tax, String receiptFooter) {

    /** The profile as the shop's settings hold it. */
    public static ShopProfile load(ShopDatabase database) {
        Map<String, String> settings = database.read(c -> {
            Map<String, String> values = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT setting_name, setting_value FROM shop_setting");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
            return values;
        });
        return new ShopProfile(settings.get("shop.name"),
                new ShopCurrency(settings.get("shop.currency"), Integer.parseInt(settings.get("shop.currency-decimals"))),
                new TaxRule(Integer.parseInt(settings.get("tax.rate-bp")),
                        Boolean.parseBoolean(settings.get("tax.prices-include-tax"))),
                settings.get("receipt.footer"));
    }
}
