package org.clutch.partners;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import org.clutch.jms.PartnerMessages;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.sync.PurchaseOrderSynced;
import org.clutch.sync.ShopInbox;

/**
 * Shops' purchase orders to suppliers that are partners on the platform: an order the desktop sends (or cancels) to a
 * linked supplier reaches the supplier's outbound address; the supplier's acknowledgement and shipment reach the
 * shop's inbox. Both in the transaction of the change that causes them. (Platform scope throughout: the checks of who
 * may link a shop's supplier are made here, explicitly.)
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class SupplierOrders {

    private static final Logger LOG = Logger.getLogger(SupplierOrders.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PartnerOutbound outbound;

    @Inject
    ShopInbox inbox;

    @Inject
    Clock clock;

    /** Delivers an order sent to, or cancelled with, a supplier that is a partner; anything else is the shop's own. */
    public void synced(PurchaseOrderSynced po) {
        String placedOrCancelled = switch (po.status()) {
            case "SENT" -> "PLACED";
            case "CANCELLED" -> "CANCELLED";
            default -> null;
        };
        if (placedOrCancelled == null) {
            return;
        }
        List<?> linked = em.createNativeQuery("SELECT partner_tenant_id FROM supplier_link WHERE shop_id = ? AND supplier_id = ?")
                .setParameter(1, po.shopId()).setParameter(2, po.supplierId()).getResultList();
        if (linked.isEmpty()) {
            return;
        }
        UUID partner = (UUID) linked.get(0);
        if ("CANCELLED".equals(placedOrCancelled) && known(po.purchaseOrderId(), partner).isEmpty()) {
            return; // never placed with this supplier: nothing to cancel there
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                INSERT INTO partner_purchase_order (purchase_order_id, shop_id, tenant_id, partner_tenant_id, number, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (purchase_order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, po.purchaseOrderId()).setParameter(2, po.shopId()).setParameter(3, po.tenantId())
                .setParameter(4, partner).setParameter(5, po.number()).setParameter(6, placedOrCancelled).setParameter(7, now)
                .executeUpdate();
        Object[] shop = (Object[]) em.createNativeQuery("SELECT name, address, phone FROM shop WHERE id = ?")
                .setParameter(1, po.shopId()).getSingleResult();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("purchaseOrderId", po.purchaseOrderId());
        order.put("number", po.number());
        order.put("shop", new ShopParty(po.shopId(), (String) shop[0], (String) shop[1], (String) shop[2]));
        order.put("lines", po.order().getJsonArray("lines"));
        String type = "PLACED".equals(placedOrCancelled) ? PartnerMessages.PURCHASE_ORDER_PLACED : PartnerMessages.PURCHASE_ORDER_CANCELLED;
        outbound.send(partner, type, po.purchaseOrderId().toString(), order);
        LOG.info(() -> "event=" + type + " purchase_order=" + po.purchaseOrderId() + " shop=" + po.shopId() + " partner=" + partner);
    }

    /** Who is ordering: the supplier ships here. */
    public record ShopParty(UUID id, String name, String address, String phone) {
    }

    /** The supplier's acknowledgement or shipment of one of the orders placed with it, told to the shop's desktop. */
    public void update(UUID partner, PurchaseOrderUpdate update, String status) {
        Object[] order = known(update.purchaseOrderId(), partner).orElseThrow(() -> new PartnerRefusal(
                PartnerRefusal.Code.NOT_FOUND, "no purchase order " + update.purchaseOrderId() + " was placed with this supplier"));
        String current = (String) order[2];
        if ("CANCELLED".equals(current) || "SHIPPED".equals(current) && "ACKNOWLEDGED".equals(status)) {
            throw new PartnerRefusal(PartnerRefusal.Code.STATE_CONFLICT, "purchase order " + order[1] + " is " + current.toLowerCase()
                    + " and cannot be " + status.toLowerCase());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("UPDATE partner_purchase_order SET status = ?, updated_at = ? WHERE purchase_order_id = ?")
                .setParameter(1, status).setParameter(2, now).setParameter(3, update.purchaseOrderId()).executeUpdate();
        JsonObject payload = Json.createObjectBuilder().add("purchaseOrderId", update.purchaseOrderId().toString())
                .add("number", (String) order[1]).add("status", status)
                .add("note", nullable(update.note())).add("expectedShipDate", nullable(update.expectedShipDate()))
                .add("carrier", nullable(update.carrier())).add("trackingNumber", nullable(update.trackingNumber()))
                .add("at", now.toString()).build();
        inbox.send((UUID) order[0], ShopInboxTypes.SUPPLIER_UPDATE, update.purchaseOrderId(), payload, null);
        LOG.info(() -> "event=purchase-order-" + status.toLowerCase() + " purchase_order=" + update.purchaseOrderId() + " partner=" + partner);
    }

    /**
     * Tells the platform that a supplier on the shop's desktop is this partner (tenant admins for their own shops,
     * platform admins for any): the shop's orders to it go to the partner from now on.
     */
    public void link(Actor actor, UUID shopId, UUID supplierId, UUID partnerTenantId) {
        UUID tenant = shopTenant(actor, shopId);
        if (em.createNativeQuery("SELECT 1 FROM tenant WHERE id = ? AND kind = 'PARTNER'").setParameter(1, partnerTenantId)
                .getResultList().isEmpty()) {
            throw new NotFoundException("partner " + partnerTenantId);
        }
        em.createNativeQuery("""
                INSERT INTO supplier_link (shop_id, tenant_id, supplier_id, partner_tenant_id, linked_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (shop_id, supplier_id) DO UPDATE SET partner_tenant_id = EXCLUDED.partner_tenant_id,
                    linked_at = EXCLUDED.linked_at""")
                .setParameter(1, shopId).setParameter(2, tenant).setParameter(3, supplierId).setParameter(4, partnerTenantId)
                .setParameter(5, OffsetDateTime.now(clock)).executeUpdate();
        LOG.info(() -> "event=supplier-linked shop=" + shopId + " supplier=" + supplierId + " partner=" + partnerTenantId
                + " by=" + actor.userId());
    }

    public void unlink(Actor actor, UUID shopId, UUID supplierId) {
        shopTenant(actor, shopId);
        if (em.createNativeQuery("DELETE FROM supplier_link WHERE shop_id = ? AND supplier_id = ?").setParameter(1, shopId)
                .setParameter(2, supplierId).executeUpdate() == 0) {
            throw new NotFoundException("link of supplier " + supplierId);
        }
    }

    /** The shop's tenant, if the actor administers it; anyone else's shop answers as unknown. */
    private UUID shopTenant(Actor actor, UUID shopId) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        List<?> tenant = em.createNativeQuery("SELECT tenant_id FROM shop WHERE id = ?").setParameter(1, shopId).getResultList();
        if (tenant.isEmpty() || !actor.isPlatformAdmin() && !tenant.get(0).equals(actor.tenant())) {
            throw new NotFoundException("shop " + shopId);
        }
        return (UUID) tenant.get(0);
    }

    /** The order's shop, number and status, if it was placed with this partner. */
    private Optional<Object[]> known(UUID purchaseOrderId, UUID partner) {
        List<?> rows = em.createNativeQuery("SELECT shop_id, number, status FROM partner_purchase_order "
                + "WHERE purchase_order_id = ? AND partner_tenant_id = ?").setParameter(1, purchaseOrderId).setParameter(2, partner)
                .getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r);
    }

    private static jakarta.json.JsonValue nullable(Object value) {
        return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value.toString());
    }
}
