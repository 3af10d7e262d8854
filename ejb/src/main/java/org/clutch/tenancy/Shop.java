package org.clutch.tenancy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A parts shop of a tenant: where it is, how far it delivers, which vehicle makes it carries. */
@Entity
@Table(name = "shop")
public class Shop {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShopStatus status;

    @Embedded
    private GeoPoint location;

    @Column(nullable = false)
    private String address;

    @Column(name = "service_radius_km", nullable = false)
    private BigDecimal serviceRadiusKm;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_make", joinColumns = @JoinColumn(name = "shop_id"))
    @Column(name = "make")
    private Set<String> makes = new HashSet<>();

    @Version
    private long version;

    protected Shop() {
    }

    public Shop(UUID id, UUID tenantId, String name, GeoPoint location, String address, BigDecimal serviceRadiusKm,
            Set<String> makes) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.location = location;
        this.address = address;
        this.serviceRadiusKm = serviceRadiusKm;
        makes.forEach(m -> this.makes.add(normalizeMake(m)));
        this.status = ShopStatus.ACTIVE;
    }

    /** Makes are compared without regard to case or surrounding spaces ("toyota " is TOYOTA). */
    public static String normalizeMake(String make) {
        return make.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a parts request for a vehicle of {@code make}, delivered to {@code deliveryPoint}, belongs to this
     * shop: it must be active, carry the make, and the point must lie within its service radius.
     */
    public boolean serves(String make, GeoPoint deliveryPoint) {
        return status == ShopStatus.ACTIVE
                && makes.contains(normalizeMake(make))
                && distanceKmTo(deliveryPoint) <= serviceRadiusKm.doubleValue();
    }

    public double distanceKmTo(GeoPoint point) {
        return location.distanceKmTo(point);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public ShopStatus status() {
        return status;
    }
}
