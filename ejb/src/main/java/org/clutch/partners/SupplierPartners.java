package org.clutch.partners;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.catalog.CatalogFeed;
import org.clutch.catalog.SupplierCatalog;
import org.clutch.jms.PartnerMessages;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.NativeValues;
import org.clutch.platform.Page;
import org.clutch.platform.PermissionDeniedException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.tenancy.PartnerRole;
import org.clutch.tenancy.Tenant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a supplying partner does over REST, by the same rules as over the broker: sends catalog feed batches and reads
 * the purchase orders shops placed with it. Platform scope, like the central catalog; the partner is checked here.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class SupplierPartners {

    /** A shop's purchase order as the supplier sees it: who orders, its number, where it stands. */
    public record PlacedOrder(UUID purchaseOrderId, String number, String status, OffsetDateTime updatedAt,
            SupplierOrders.ShopParty shop) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SupplierCatalog catalog;

    /** Applies one feed batch whole, or refuses it with every item's field errors and applies nothing. */
    public SupplierCatalog.Applied feed(Actor actor, CatalogFeed feed) {
        UUID supplier = supplier(actor, PartnerMessages.CATALOG_FEED);
        List<InvalidInputException.FieldError> problems = feed.itemProblems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return catalog.apply(supplier, feed);
    }

    /** The purchase orders shops placed with this supplier, the latest change first. */
    public Page<PlacedOrder> ordersPlaced(Actor actor, int page, int size) {
        UUID supplier = supplier(actor, PartnerMessages.ACKNOWLEDGE_PURCHASE_ORDER);
        List<?> rows = em.createNativeQuery("""
                SELECT o.purchase_order_id, o.number, o.status, o.updated_at, s.id, s.name, s.address, s.phone
                FROM partner_purchase_order o JOIN shop s ON s.id = o.shop_id
                WHERE o.partner_tenant_id = ? ORDER BY o.updated_at DESC, o.purchase_order_id
                OFFSET ? LIMIT ?""").setParameter(1, supplier).setParameter(2, Page.firstResult(page, size))
                .setParameter(3, Page.clampSize(size)).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM partner_purchase_order WHERE partner_tenant_id = ?")
                .setParameter(1, supplier).getSingleResult()).longValue();
        List<PlacedOrder> orders = rows.stream().map(Object[].class::cast).map(r -> new PlacedOrder((UUID) r[0], (String) r[1],
                (String) r[2], NativeValues.time(r[3]), new SupplierOrders.ShopParty((UUID) r[4], (String) r[5], (String) r[6],
                (String) r[7]))).toList();
        return new Page<>(orders, page, Page.clampSize(size), total);
    }

    /** The partner tenant behind the caller, when its roles send {@code messageType}; refused otherwise. */
    private UUID supplier(Actor actor, String messageType) {
        actor.require(Role.PARTNER);
        Tenant tenant = em.find(Tenant.class, actor.tenant());
        if (tenant == null || !PartnerRole.permit(tenant.partnerRoles(), messageType)) {
            throw new PermissionDeniedException("only a partner set up as a supplier does this");
        }
        return actor.tenant();
    }
}
