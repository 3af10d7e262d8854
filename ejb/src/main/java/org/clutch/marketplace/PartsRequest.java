package org.clutch.marketplace;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.jms.ShopInboxTypes;
import org.clutch.platform.IdempotencyKeyReusedException;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.NullableUuid;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.GeoPoint;
import org.clutch.vehicle.Vin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A customer's request for parts for one vehicle. Shops near the delivery point that carry the make are asked
 * to quote; the customer accepts one quote, or cancels, or the request expires. Every change of status goes
 * through a method here that refuses what the current status does not allow.
 */
@Entity
@Table(name = "parts_request")
public class PartsRequest {

    public static final int MAX_LINES = ShopInboxTypes.MAX_REQUEST_LINES;

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Embedded
    private Vehicle vehicle;

    @Embedded
    private DeliveryLocation delivery;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<RequestLine> lines = new ArrayList<>();

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "idempotency_fingerprint")
    private String idempotencyFingerprint;

    @Column(name = "accepted_quote_id")
    @Convert(converter = NullableUuid.class)
    private UUID acceptedQuoteId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    private long version;

    protected PartsRequest() {
    }

    /**
     * Checks the business rules that Bean Validation cannot (VIN check digit, VIN against model year, a model year
     * not in the future) and builds the submitted request, open until {@code now + timeToLive}.
     */
    public static PartsRequest submit(UUID customerId, NewPartsRequest input, String idempotencyKey, OffsetDateTime now,
            Duration timeToLive) {
        List<FieldError> errors = new ArrayList<>();
        var v = input.vehicle();
        Vin vin = null;
        if (v.vin() != null && !v.vin().isBlank()) {
            try {
                vin = Vin.parse(v.vin());
                if (!vin.allowsModelYear(v.year())) {
                    errors.add(new FieldError("vehicle.vin", "the VIN encodes model year " + describe(vin.possibleModelYears())
                            + ", not " + v.year()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("vehicle.vin", e.getMessage()));
            }
        }
        if (v.year() > now.getYear() + 1) {
            errors.add(new FieldError("vehicle.year", "model year " + v.year() + " is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PartsRequest request = new PartsRequest();
        request.id = UUID.randomUUID();
        request.customerId = customerId;
        request.status = RequestStatus.SUBMITTED;
        request.vehicle = new Vehicle(v.make(), v.model(), v.year(), vin);
        var d = input.delivery();
        request.delivery = new DeliveryLocation(new GeoPoint(d.latitude(), d.longitude()), d.address(), d.instructions());
        int lineNo = 1;
        for (var line : input.lines()) {
            request.lines.add(new RequestLine(request, lineNo++, line.name(), line.partNumber(), line.quantity(), line.notes()));
        }
        request.idempotencyKey = idempotencyKey;
        request.idempotencyFingerprint = idempotencyKey == null ? null : fingerprint(input);
        request.createdAt = now;
        request.expiresAt = now.plus(timeToLive);
        return request;
    }

    /**
     * A submission repeated with this request's idempotency key is answered with this request only if it says the same;
     * the key sent with something else is refused.
     */
    public void requireSameSubmission(NewPartsRequest input) {
        if (idempotencyFingerprint != null && !idempotencyFingerprint.equals(fingerprint(input))) {
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
    }

    private static String fingerprint(NewPartsRequest input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(int[] years) {
        return years.length == 0 ? "(unknown)" : years[0] + " or " + years[1];
    }

    /** Open means shops may still quote and the customer may still accept: not closed, not past its expiry. */
    public boolean isOpenAt(OffsetDateTime now) {
        return status.isOpen() && now.isBefore(expiresAt);
    }

    /** A shop answered with a quote (a new one or a revision); {@link Quote} has checked that the request is open. */
    void markQuoted() {
        status = RequestStatus.QUOTED;
    }

    /** The customer takes this quote: the request closes as accepted and the quote wins. */
    public void accept(Quote quote, OffsetDateTime now) {
        if (!quote.requestId().equals(id)) {
            throw new IllegalArgumentException("quote " + quote.id() + " is not for request " + id);
        }
        requireOpen(now, "accepted");
        quote.accept(now);
        status = RequestStatus.ACCEPTED;
        acceptedQuoteId = quote.id();
        closedAt = now;
    }

    public void cancel(OffsetDateTime now) {
        requireOpen(now, "cancelled");
        status = RequestStatus.CANCELLED;
        closedAt = now;
    }

    /** Closes the request as expired if its time is up; answers whether it did. */
    public boolean expireIfDue(OffsetDateTime now) {
        if (!status.isOpen() || now.isBefore(expiresAt)) {
            return false;
        }
        status = RequestStatus.EXPIRED;
        closedAt = now;
        return true;
    }

    void requireOpen(OffsetDateTime now, String action) {
        if (!status.isOpen()) {
            throw new StateConflictException("This parts request is " + status.name().toLowerCase()
                    + " and can no longer be " + action + ".");
        }
        if (!now.isBefore(expiresAt)) {
            throw new StateConflictException("This parts request expired at " + expiresAt + " and can no longer be " + action + ".");
        }
    }

    public RequestLine line(UUID lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst().orElse(null);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public RequestStatus status() {
        return status;
    }

    public Vehicle vehicle() {
        return vehicle;
    }

    public DeliveryLocation delivery() {
        return delivery;
    }

    public List<RequestLine> lines() {
        return List.copyOf(lines);
    }

    public UUID acceptedQuoteId() {
        return acceptedQuoteId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }
}
