package org.clutch.marketplace;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A parts request as its customer sees it: everything asked, and every quote received. {@code quotes} is empty
 * in the shop's view (see {@link ShopRequestView}): quotes are sealed. {@code orderId} is set once a quote is accepted.
 */
public record PartsRequestView(UUID id, RequestStatus status, VehicleView vehicle, DeliveryView delivery,
        List<LineView> lines, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime closedAt,
        UUID acceptedQuoteId, UUID orderId, List<QuoteView> quotes) {

    public record VehicleView(String make, String model, int year, String vin, String vinManufacturer) {
    }

    public record DeliveryView(double latitude, double longitude, String address, String instructions) {
    }

    public record LineView(UUID id, int lineNo, String name, String partNumber, int quantity, String notes) {
    }

    static PartsRequestView of(PartsRequest r, List<QuoteView> quotes) {
        Vehicle v = r.vehicle();
        DeliveryLocation d = r.delivery();
        return new PartsRequestView(r.id(), r.status(),
                new VehicleView(v.make(), v.model(), v.modelYear(), v.vin(), v.vinManufacturer()),
                new DeliveryView(d.point().latitude(), d.point().longitude(), d.address(), d.instructions()),
                r.lines().stream().map(l -> new LineView(l.id(), l.lineNo(), l.name(), l.partNumber(), l.quantity(), l.notes()))
                        .toList(),
                r.createdAt(), r.expiresAt(), r.closedAt(), r.acceptedQuoteId(), null, quotes);
    }

    /** The same view pointing at the order the accepted quote became (the orders capability knows it). */
    public PartsRequestView withOrder(UUID order) {
        return new PartsRequestView(id, status, vehicle, delivery, lines, createdAt, expiresAt, closedAt, acceptedQuoteId, order,
                quotes);
    }
}
