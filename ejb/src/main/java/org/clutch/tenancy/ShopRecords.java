package org.clutch.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.clutch.platform.NotFoundException;

import java.util.List;
import java.util.UUID;

/** Reads shared by the shop services; callers have already checked that the caller may see the shop. */
final class ShopRecords {

    private ShopRecords() {
    }

    static Shop findLocked(EntityManager em, UUID shopId) {
        Shop shop = shopId == null ? null : em.find(Shop.class, shopId, LockModeType.PESSIMISTIC_WRITE);
        if (shop == null) {
            throw new NotFoundException("shop " + shopId);
        }
        return shop;
    }

    static List<ShopDocument> documents(EntityManager em, UUID shopId) {
        return em.createQuery("select d from ShopDocument d where d.shopId = :s order by d.uploadedAt, d.id", ShopDocument.class)
                .setParameter("s", shopId).getResultList();
    }

    static ShopView view(EntityManager em, Shop shop) {
        return ShopView.of(shop, documents(em, shop.id()));
    }
}
