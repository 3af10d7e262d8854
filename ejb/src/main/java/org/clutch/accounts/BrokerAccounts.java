package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.jms.BrokerAccountNames;
import org.clutch.platform.Actor;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.tenancy.Shop;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Issues and revokes shop desktops' broker accounts: the shop's tenant admins for their own shops (row-level security
 * hides other tenants' shops), platform admins for any. The broker checks the secret on connect.
 */
@Interceptors(RowScope.class)
@Stateless
public class BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(BrokerAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A new secret for the shop's desktop (answered once); the previous one stops working. */
    public BrokerAccountView issueForShop(Actor actor, UUID shopId) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        Shop shop = shop(shopId);
        BrokerAccount account = em.find(BrokerAccount.class, BrokerAccountNames.shopUser(shopId));
        if (account == null) {
            account = new BrokerAccount(shop.tenantId(), shopId);
            em.persist(account);
        }
        String secret = account.issue(actor.userId(), OffsetDateTime.now(clock));
        LOG.info(() -> "event=broker-account-issued shop=" + shopId + " by=" + actor.userId());
        return BrokerAccountView.of(account, secret);
    }

    public BrokerAccountView ofShop(Actor actor, UUID shopId) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        shop(shopId);
        return BrokerAccountView.of(account(shopId), null);
    }

    public BrokerAccountView revokeForShop(Actor actor, UUID shopId) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        shop(shopId);
        BrokerAccount account = account(shopId);
        account.revoke(OffsetDateTime.now(clock));
        LOG.info(() -> "event=broker-account-revoked shop=" + shopId + " by=" + actor.userId());
        return BrokerAccountView.of(account, null);
    }

    private Shop shop(UUID shopId) {
        Shop shop = em.find(Shop.class, shopId);
        if (shop == null) {
            throw new NotFoundException("shop " + shopId);
        }
        return shop;
    }

    private BrokerAccount account(UUID shopId) {
        BrokerAccount account = em.find(BrokerAccount.class, BrokerAccountNames.shopUser(shopId));
        if (account == null) {
            throw new NotFoundException("broker account of shop " + shopId);
        }
        return account;
    }
}
