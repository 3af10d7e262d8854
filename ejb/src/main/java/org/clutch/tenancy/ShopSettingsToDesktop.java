package org.clutch.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.sync.ShopInbox;

import java.time.Clock;
import java.time.OffsetDateTime;

/** After each change of a shop's marketplace settings, its desktop gets them on its inbox, in the same transaction. */
@ApplicationScoped
class ShopSettingsToDesktop {

    @Inject
    ShopInbox inbox;

    @Inject
    Clock clock;

    void tell(Shop shop) {
        inbox.send(shop.id(), ShopInboxTypes.SHOP_SETTINGS, shop.id(), ShopSettingsView.of(shop, OffsetDateTime.now(clock)), null);
    }
}
