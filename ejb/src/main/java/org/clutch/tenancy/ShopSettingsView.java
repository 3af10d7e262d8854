package org.clutch.tenancy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The shop's marketplace settings as its desktop keeps them ({@link org.clutch.jms.ShopInboxTypes#SHOP_SETTINGS}):
 * whether it may trade, where it serves, which makes, how it prices and whether it quotes automatically.
 */
public record ShopSettingsView(UUID shopId, String name, ShopStatus status, String statusReason, String address,
        BigDecimal serviceRadiusKm, List<String> makes, PricingStrategy pricingStrategy, BigDecimal pricingPercent,
        boolean autoQuote, OffsetDateTime at) {

    static ShopSettingsView of(Shop shop, OffsetDateTime at) {
        return new ShopSettingsView(shop.id(), shop.name(), shop.status(), shop.statusReason(), shop.address(),
                shop.serviceRadiusKm(), shop.makes().stream().sorted().toList(), shop.pricingStrategy(), shop.pricingPercent(),
                shop.quotesAutomatically(), at);
    }
}
