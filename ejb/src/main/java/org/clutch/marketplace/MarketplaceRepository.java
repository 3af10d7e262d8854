package org.clutch.marketplace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.TransactionLocks;
import org.clutch.tenancy.Shop;
import org.clutch.tenancy.ShopStatus;
import org.clutch.tenancy.Tenant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The marketplace's queries, each scoped to the caller it is for. */
@ApplicationScoped
public class MarketplaceRepository {

    @PersistenceContext
    EntityManager em;

    void add(Object entity) {
        em.persist(entity);
    }

    /** The currency the shop's business trades in: its tenant's. */
    String tradingCurrency(Shop shop) {
        return em.find(Tenant.class, shop.tenantId()).currency();
    }

    /** The customer's own request; someone else's answers exactly like an unknown id. */
    PartsRequest requestOfCustomer(UUID customerId, UUID requestId, boolean lock) {
        PartsRequest request = lock
                ? em.find(PartsRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(PartsRequest.class, requestId);
        if (request == null || !request.customerId().equals(customerId)) {
            throw new NotFoundException("parts request " + requestId);
        }
        return request;
    }

    /** A request dispatched to the shop; one that was not answers like an unknown id. */
    PartsRequest requestDispatchedTo(UUID shopId, UUID requestId, boolean lock) {
        dispatch(shopId, requestId).orElseThrow(() -> new NotFoundException("parts request " + requestId));
        return lock ? em.find(PartsRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE) : em.find(PartsRequest.class, requestId);
    }

    Optional<PartsRequest> request(UUID requestId) {
        return Optional.ofNullable(em.find(PartsRequest.class, requestId));
    }

    /** Serialises submissions that carry the same idempotency key: a concurrent duplicate waits, then finds the request. */
    void lockIdempotencyKey(UUID customerId, String key) {
        TransactionLocks.lock(em, TransactionLocks.Space.IDEMPOTENCY_KEY, customerId + "/" + key);
    }

    Optional<PartsRequest> requestByIdempotencyKey(UUID customerId, String key) {
        return em.createQuery("select r from PartsRequest r where r.customerId = :c and r.idempotencyKey = :k", PartsRequest.class)
                .setParameter("c", customerId).setParameter("k", key)
                .getResultStream().findFirst();
    }

    List<PartsRequest> requestsOfCustomer(UUID customerId, int first, int max) {
        return em.createQuery("select r from PartsRequest r where r.customerId = :c order by r.createdAt desc, r.id", PartsRequest.class)
                .setParameter("c", customerId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    long countRequestsOfCustomer(UUID customerId) {
        return em.createQuery("select count(r) from PartsRequest r where r.customerId = :c", Long.class)
                .setParameter("c", customerId).getSingleResult();
    }

    Optional<Dispatch> dispatch(UUID shopId, UUID requestId) {
        return em.createQuery("select d from Dispatch d where d.shopId = :s and d.requestId = :r", Dispatch.class)
                .setParameter("s", shopId).setParameter("r", requestId).getResultStream().findFirst();
    }

    /** The shops a request was already sent to (a redelivered message must not send it twice). */
    Set<UUID> shopsDispatchedFor(UUID requestId) {
        return Set.copyOf(em.createQuery("select d.shopId from Dispatch d where d.requestId = :r", UUID.class)
                .setParameter("r", requestId).getResultList());
    }

    List<Dispatch> dispatchesOfRequest(UUID requestId) {
        return em.createQuery("select d from Dispatch d where d.requestId = :r", Dispatch.class)
                .setParameter("r", requestId).getResultList();
    }

    List<Dispatch> dispatchesToShop(UUID shopId, int first, int max) {
        return em.createQuery("select d from Dispatch d where d.shopId = :s order by d.dispatchedAt desc, d.id", Dispatch.class)
                .setParameter("s", shopId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    long countDispatchesToShop(UUID shopId) {
        return em.createQuery("select count(d) from Dispatch d where d.shopId = :s", Long.class)
                .setParameter("s", shopId).getSingleResult();
    }

    List<Quote> quotesOfRequest(UUID requestId) {
        return em.createQuery("select q from Quote q where q.requestId = :r order by q.submittedAt, q.id", Quote.class)
                .setParameter("r", requestId).getResultList();
    }

    Optional<Quote> quoteOfShop(UUID shopId, UUID requestId) {
        return em.createQuery("select q from Quote q where q.shopId = :s and q.requestId = :r", Quote.class)
                .setParameter("s", shopId).setParameter("r", requestId).getResultStream().findFirst();
    }

    Shop shop(UUID shopId) {
        Shop shop = em.find(Shop.class, shopId);
        if (shop == null) {
            throw new NotFoundException("shop " + shopId);
        }
        return shop;
    }

    /** Active shops that carry the make; the distance rule is applied by {@link Shop#serves}. */
    List<Shop> activeShopsCarrying(String make) {
        return em.createQuery("select distinct s from Shop s join s.makes m where s.status = :active and m = :make", Shop.class)
                // every shop's makes in one more statement, not one per shop (200 shops carrying a make cost 200 reads)
                .setHint("eclipselink.batch", "s.makes")
                .setHint("eclipselink.batch.type", "IN")
                .setParameter("active", ShopStatus.ACTIVE)
                .setParameter("make", Shop.normalizeMake(make))
                .getResultList();
    }

    List<PartsRequest> openRequestsDueBy(OffsetDateTime now, int max) {
        return em.createQuery("select r from PartsRequest r where r.status in :open and r.expiresAt <= :now order by r.expiresAt",
                        PartsRequest.class)
                .setParameter("open", List.of(RequestStatus.SUBMITTED, RequestStatus.QUOTED))
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }
}
