package org.clutch.marketplace;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.clutch.tenancy.GeoPoint;

/** Where the parts should go. */
@Embeddable
public class DeliveryLocation {

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "latitude", column = @Column(name = "delivery_latitude")),
            @AttributeOverride(name = "longitude", column = @Column(name = "delivery_longitude"))})
    private GeoPoint point;

    @Column(name = "delivery_address", nullable = false)
    private String address;

    @Column(name = "delivery_instructions")
    private String instructions;

    protected DeliveryLocation() {
    }

    DeliveryLocation(GeoPoint point, String address, String instructions) {
        this.point = point;
        this.address = address.strip();
        this.instructions = instructions;
    }

    public GeoPoint point() {
        return point;
    }

    public String address() {
        return address;
    }

    public String instructions() {
        return instructions;
    }
}
