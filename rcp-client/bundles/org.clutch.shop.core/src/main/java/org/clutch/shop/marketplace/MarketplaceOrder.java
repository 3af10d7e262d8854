package org.clutch.shop.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order of this shop from the marketplace, as last heard on the inbox, with the stock set aside for each line
 * ({@code reserved} units of the part, 0 when the part is not in this shop's catalog or the order no longer holds it).
 */
public record MarketplaceOrder(UUID orderId, String number, String status, String vehicle, String deliveryAddress,
        String currency, BigDecimal total, List<Line> lines, Instant updatedAt) {

    public record Line(int lineNo, String name, String partNumber, int quantity, int reserved) {
    }
}
