package org.clutch.tenancy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.Actor;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The platform's decisions on shops: verify or reject a submitted shop, suspend or reactivate an active one. Every
 * decision is audited with its reason; only active shops receive parts requests and may quote.
 */
@Interceptors(RowScope.class)
@Stateless
public class ShopVerification {

    private static final Logger LOG = Logger.getLogger(ShopVerification.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ShopSettingsToDesktop settingsToDesktop;

    @Inject
    Clock clock;

    public ShopView verify(Actor actor, UUID shopId, String address) {
        return decide(actor, shopId, AuditAction.SHOP_VERIFIED, null, address, (shop, now) -> shop.verify(now));
    }

    public ShopView reject(Actor actor, UUID shopId, String reason, String address) {
        return decide(actor, shopId, AuditAction.SHOP_REJECTED, reason, address, (shop, now) -> shop.reject(reason, now));
    }

    public ShopView suspend(Actor actor, UUID shopId, String reason, String address) {
        return decide(actor, shopId, AuditAction.SHOP_SUSPENDED, reason, address, (shop, now) -> shop.suspend(reason, now));
    }

    public ShopView reactivate(Actor actor, UUID shopId, String address) {
        return decide(actor, shopId, AuditAction.SHOP_REACTIVATED, null, address, (shop, now) -> shop.reactivate(now));
    }

    private ShopView decide(Actor actor, UUID shopId, AuditAction action, String reason, String address,
            BiConsumer<Shop, OffsetDateTime> decision) {
        actor.require(Role.PLATFORM_ADMIN);
        Shop shop = ShopRecords.findLocked(em, shopId);
        decision.accept(shop, OffsetDateTime.now(clock));
        audit.record(AuditEntry.of(action, shop.tenantId(), actor.userId()).target("shop", shop.id()).from(address).detail(reason));
        LOG.info(() -> "event=shop-decision action=" + action + " shop=" + shop.id());
        settingsToDesktop.tell(shop);
        return ShopRecords.view(em, shop);
    }
}
