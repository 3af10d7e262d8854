package org.clutch.tenancy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.Actor;
import org.clutch.platform.FilteredQuery;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Page;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;
import org.clutch.platform.StateConflictException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A tenant's shops and their onboarding: a tenant admin starts a shop and fills in its steps in any order, over as
 * many visits as it takes, then submits it for verification. A shop manager may keep the makes, inventory and
 * pricing of the own shop current; shop staff see their own shop. Platform admins see every shop.
 */
@Interceptors(RowScope.class)
@Stateless
public class ShopOnboarding {

    private static final Logger LOG = Logger.getLogger(ShopOnboarding.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ShopSettingsToDesktop settingsToDesktop;

    @Inject
    Clock clock;

    public ShopView start(Actor actor, BusinessInfo info) {
        actor.require(Role.TENANT_ADMIN);
        Tenant tenant = em.find(Tenant.class, actor.tenant());
        if (tenant.kind() != TenantKind.SHOP_BUSINESS) {
            throw new StateConflictException("Only a shop business can have shops; this tenant is a partner.");
        }
        Shop shop = Shop.startOnboarding(tenant.id(), info, OffsetDateTime.now(clock));
        em.persist(shop);
        LOG.info(() -> "event=shop-onboarding-started shop=" + shop.id() + " tenant=" + tenant.id());
        return ShopView.of(shop, List.of());
    }

    public ShopView describe(Actor actor, UUID shopId, BusinessInfo info) {
        Shop shop = forAdmin(actor, shopId);
        shop.describe(info);
        return changed(shop);
    }

    public ShopView locate(Actor actor, UUID shopId, double latitude, double longitude, String address, BigDecimal radiusKm) {
        Shop shop = forAdmin(actor, shopId);
        GeoPoint point;
        try {
            point = new GeoPoint(latitude, longitude);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("latitude/longitude", e.getMessage())));
        }
        shop.locate(point, address, radiusKm);
        return changed(shop);
    }

    public ShopView carry(Actor actor, UUID shopId, Collection<String> makes) {
        Shop shop = forManager(actor, shopId);
        shop.carry(makes);
        return changed(shop);
    }

    public ShopView keepInventoryBy(Actor actor, UUID shopId, InventorySource source, Integer estimatedPartCount) {
        Shop shop = forManager(actor, shopId);
        shop.keepInventoryBy(source, estimatedPartCount);
        return view(shop);
    }

    /** {@code autoQuote} null leaves the shop's choice as it was. */
    public ShopView priceBy(Actor actor, UUID shopId, PricingStrategy strategy, BigDecimal percent, Boolean autoQuote) {
        Shop shop = forManager(actor, shopId);
        try {
            shop.priceBy(strategy, percent);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("percent", e.getMessage())));
        }
        if (autoQuote != null) {
            shop.quoteAutomatically(autoQuote);
        }
        return changed(shop);
    }

    public ShopView.DocumentView upload(Actor actor, UUID shopId, ShopDocument.Kind kind, String fileName, String contentType,
            byte[] content, String address) {
        Shop shop = forAdmin(actor, shopId);
        if (!shop.isEditableForSubmission()) {
            throw new StateConflictException("Documents are added during onboarding or after a rejection; this shop is "
                    + shop.status() + ".");
        }
        ShopDocument document = new ShopDocument(shop, kind, fileName, contentType, content, actor.userId(), OffsetDateTime.now(clock));
        em.persist(document);
        audit.record(AuditEntry.of(AuditAction.SHOP_DOCUMENT_UPLOADED, shop.tenantId(), actor.userId()).target("shop", shop.id())
                .from(address).detail(kind + " " + document.sizeBytes() + " bytes sha256=" + document.sha256()));
        return ShopView.DocumentView.of(document);
    }

    /** A document's content, for the shop's tenant admin and for the platform admins who verify it. */
    public ShopDocument.Download document(Actor actor, UUID shopId, UUID documentId) {
        Shop shop = actor.isPlatformAdmin() ? find(shopId) : forAdmin(actor, shopId);
        ShopDocument document = em.find(ShopDocument.class, documentId);
        if (document == null || !document.shopId().equals(shop.id())) {
            throw new NotFoundException("document " + documentId);
        }
        return document.download();
    }

    public ShopView submit(Actor actor, UUID shopId, String address) {
        Shop shop = forAdmin(actor, shopId);
        shop.submit(!documents(shop.id()).isEmpty(), OffsetDateTime.now(clock));
        audit.record(AuditEntry.of(AuditAction.SHOP_SUBMITTED, shop.tenantId(), actor.userId()).target("shop", shop.id()).from(address));
        LOG.info(() -> "event=shop-submitted shop=" + shop.id());
        return changed(shop);
    }

    public ShopView get(Actor actor, UUID shopId) {
        return view(visible(actor, shopId));
    }

    /**
     * The shops the caller may see, optionally of one status: a tenant's own (staff: only their shop); for platform
     * admins every tenant's, optionally of one tenant (the verification queue is {@code status=PENDING_VERIFICATION}).
     */
    public Page<ShopView> list(Actor actor, ShopStatus status, UUID tenantId, int page, int size) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        UUID tenant = actor.isPlatformAdmin() ? tenantId : actor.tenant();
        UUID onlyShop = actor.role().isShopRole() ? actor.shop() : null;
        return FilteredQuery.of(em, Shop.class, "s")
                .where("s.status = :status", "status", status)
                .where("s.tenantId = :tenant", "tenant", tenant)
                .where("s.id = :shop", "shop", onlyShop)
                .page("s.name, s.id", page, size, this::view);
    }

    /** The shop's desktop hears of the change (its inbox), and the caller gets the shop as it is now. */
    private ShopView changed(Shop shop) {
        settingsToDesktop.tell(shop);
        return view(shop);
    }

    private ShopView view(Shop shop) {
        return ShopRecords.view(em, shop);
    }

    private List<ShopDocument> documents(UUID shopId) {
        return ShopRecords.documents(em, shopId);
    }

    /** The shop, locked for the change, if the caller is an admin of its tenant. */
    private Shop forAdmin(Actor actor, UUID shopId) {
        actor.require(Role.TENANT_ADMIN);
        return ownedLocked(actor, shopId);
    }

    /** The shop, locked, if the caller is an admin of its tenant or the manager of this very shop. */
    private Shop forManager(Actor actor, UUID shopId) {
        actor.require(Role.TENANT_ADMIN, Role.SHOP_MANAGER);
        if (actor.role().isShopRole() && !actor.shop().equals(shopId)) {
            throw new NotFoundException("shop " + shopId);
        }
        return ownedLocked(actor, shopId);
    }

    private Shop ownedLocked(Actor actor, UUID shopId) {
        Shop shop = em.find(Shop.class, shopId, LockModeType.PESSIMISTIC_WRITE);
        if (shop == null || !shop.tenantId().equals(actor.tenant())) {
            throw new NotFoundException("shop " + shopId);
        }
        return shop;
    }

    private Shop visible(Actor actor, UUID shopId) {
        actor.require(Role.SHOP_STAFF, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        if (actor.isPlatformAdmin()) {
            return find(shopId);
        }
        Shop shop = em.find(Shop.class, shopId);
        boolean mine = shop != null && shop.tenantId().equals(actor.tenant())
                && (!actor.role().isShopRole() || actor.shop().equals(shopId));
        if (!mine) {
            throw new NotFoundException("shop " + shopId);
        }
        return shop;
    }

    private Shop find(UUID shopId) {
        return ShopRecords.findLocked(em, shopId);
    }
}
