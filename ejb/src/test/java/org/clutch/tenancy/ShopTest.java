package org.clutch.tenancy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShopTest {

    private static final GeoPoint NAIROBI_CBD = new GeoPoint(-1.2864, 36.8172);
    private static final GeoPoint WESTLANDS = new GeoPoint(-1.2676, 36.8108);
    private static final GeoPoint MOMBASA = new GeoPoint(-4.0435, 39.6682);

    private static Shop shopAt(GeoPoint where, int radiusKm, String... makes) {
        return new Shop(UUID.randomUUID(), UUID.randomUUID(), "Shop", where, "Somewhere", BigDecimal.valueOf(radiusKm), Set.of(makes));
    }

    @Test
    void haversineDistanceMatchesKnownDistances() {
        assertEquals(2.2, NAIROBI_CBD.distanceKmTo(WESTLANDS), 0.1);
        // Nairobi to Mombasa is about 440 km as the crow flies.
        assertEquals(440, NAIROBI_CBD.distanceKmTo(MOMBASA), 5);
        assertEquals(0, NAIROBI_CBD.distanceKmTo(NAIROBI_CBD), 1e-9);
    }

    @Test
    void servesAnActiveShopCarryingTheMakeWithinItsRadius() {
        Shop westlands = shopAt(WESTLANDS, 15, "Toyota", "nissan");
        assertTrue(westlands.serves("TOYOTA", NAIROBI_CBD));
        assertTrue(westlands.serves(" Nissan ", NAIROBI_CBD), "make matching ignores case and spaces");
    }

    @Test
    void doesNotServeAnotherMake() {
        assertFalse(shopAt(WESTLANDS, 15, "Toyota").serves("BMW", NAIROBI_CBD));
    }

    @Test
    void doesNotServeBeyondItsRadius() {
        assertFalse(shopAt(MOMBASA, 30, "Toyota").serves("Toyota", NAIROBI_CBD));
        assertFalse(shopAt(WESTLANDS, 2, "Toyota").serves("Toyota", NAIROBI_CBD), "2.2 km away, 2 km radius");
        assertTrue(shopAt(WESTLANDS, 3, "Toyota").serves("Toyota", NAIROBI_CBD));
    }

    @Test
    void rejectsImpossibleCoordinates() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GeoPoint(91, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, -181));
    }
}
