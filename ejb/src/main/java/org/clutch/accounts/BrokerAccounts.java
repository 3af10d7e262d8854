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
import org.clutch.tenancy.Tenant;
import org.clutch.tenancy.TenantKind;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Issues and revokes broker accounts: a shop desktop's by the shop's tenant admins for their own shops (row-level
 * security hides other tenants' shops) or by platform admins; a partner system's by platform admins only. The broker
 * checks the secret on connect.
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
            account = BrokerAccount.forShop(shop.tenantId(), shopId);
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

    /** A new secret for a partner tenant's system (answered once); the previous one stops working. */
    public BrokerAccountView issueForPartner(Actor actor, UUID partnerTenantId) {
        actor.require(Role.PLATFORM_ADMIN);
        partner(partnerTenantId);
        BrokerAccount account = em.find(BrokerAccount.class, BrokerAccountNames.partnerUser(partnerTenantId));
        if (account == null) {
            account = BrokerAccount.forPartner(partnerTenantId);
            em.persist(account);
        }
        String secret = account.issue(actor.userId(), OffsetDateTime.now(clock));
        LOG.info(() -> "event=broker-account-issued partner=" + partnerTenantId + " by=" + actor.userId());
        return BrokerAccountView.of(account, secret);
    }

    public BrokerAccountView ofPartner(Actor actor, UUID partnerTenantId) {
        actor.require(Role.PLATFORM_ADMIN);
        partner(partnerTenantId);
        return BrokerAccountView.of(partnerAccount(partnerTenantId), null);
    }

    public BrokerAccountView revokeForPartner(Actor actor, UUID partnerTenantId) {
        actor.require(Role.PLATFORM_ADMIN);
        partner(partnerTenantId);
        BrokerAccount account = partnerAccount(partnerTenantId);
        account.revoke(OffsetDateTime.now(clock));
        LOG.info(() -> "event=broker-account-revoked partner=" + partnerTenantId + " by=" + actor.userId());
        return BrokerAccountView.of(account, null);
    }

    private void partner(UUID tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || tenant.kind() != TenantKind.PARTNER) {
            throw new NotFoundException("partner " + tenantId);
        }
    }

    private BrokerAccount partnerAccount(UUID tenantId) {
        BrokerAccount account = em.find(BrokerAccount.class, BrokerAccountNames.partnerUser(tenantId));
        if (account == null) {
            throw new NotFoundException("broker account of partner " + tenantId);
        }
        return account;
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
