package org.clutch.marketplace;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.StateConflictException;
import org.clutch.tenancy.Shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One shop's priced answer to one parts request. A shop has at most one quote per request, which it may revise
 * or withdraw while the request is open. Quotes are sealed: only the customer and the quoting shop see it.
 */
@Entity
@Table(name = "quote")
public class Quote {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "shop_id", nullable = false)
    private UUID shopId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuoteStatus status;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal freight;

    @Column(name = "eta_hours", nullable = false)
    private int etaHours;

    @Column(name = "valid_until", nullable = false)
    private OffsetDateTime validUntil;

    private String notes;

    @Column(nullable = false)
    private int revision;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<QuoteLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Quote() {
    }

    /** A shop's first quote on an open request, in the currency its business trades in. */
    static Quote submit(PartsRequest request, Shop shop, String tradingCurrency, QuoteSubmission input, OffsetDateTime now) {
        request.requireOpen(now, "quoted");
        Quote quote = new Quote();
        quote.id = UUID.randomUUID();
        quote.requestId = request.id();
        quote.shopId = shop.id();
        quote.tenantId = shop.tenantId();
        quote.submittedAt = now;
        quote.revision = 0;
        quote.apply(request, tradingCurrency, input, now);
        return quote;
    }

    /** Replaces the prices and terms of a quote still on the table. */
    void revise(PartsRequest request, String tradingCurrency, QuoteSubmission input, OffsetDateTime now) {
        request.requireOpen(now, "quoted");
        if (status != QuoteStatus.SUBMITTED && status != QuoteStatus.WITHDRAWN) {
            throw new StateConflictException("This quote is " + status.name().toLowerCase() + " and can no longer be changed.");
        }
        apply(request, tradingCurrency, input, now);
    }

    /**
     * Validates and takes the submission; callers have checked that the request is open. A shop quotes in the currency
     * its business trades in (the tenant's), which is what orders, payments and commission are kept in.
     */
    private void apply(PartsRequest request, String tradingCurrency, QuoteSubmission input, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (!tradingCurrency.equals(input.currency())) {
            errors.add(new FieldError("currency", "must be " + tradingCurrency + ", the currency this shop trades in"));
        }
        if (!input.validUntil().isAfter(now)) {
            errors.add(new FieldError("validUntil", "must be in the future"));
        }
        Set<UUID> seen = new HashSet<>();
        boolean anyAvailable = false;
        for (int i = 0; i < input.lines().size(); i++) {
            var line = input.lines().get(i);
            String field = "lines[" + i + "]";
            if (request.line(line.requestLineId()) == null) {
                errors.add(new FieldError(field + ".requestLineId", "is not a line of this parts request"));
            } else if (!seen.add(line.requestLineId())) {
                errors.add(new FieldError(field + ".requestLineId", "is answered twice"));
            }
            if (line.available() && line.unitPrice() == null) {
                errors.add(new FieldError(field + ".unitPrice", "is required for an available line"));
            }
            if (!line.available() && line.unitPrice() != null) {
                errors.add(new FieldError(field + ".unitPrice", "must be empty for a line that is not available"));
            }
            anyAvailable |= line.available();
        }
        if (!anyAvailable) {
            errors.add(new FieldError("lines", "at least one line must be available; withdraw the quote instead"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        request.markQuoted();
        currency = input.currency();
        freight = input.freight().setScale(2, RoundingMode.UNNECESSARY);
        etaHours = input.etaHours();
        validUntil = input.validUntil();
        notes = input.notes();
        replaceLines(input.lines());
        status = QuoteStatus.SUBMITTED;
        revision++;
        updatedAt = now;
    }

    /**
     * Takes the submitted lines, changing the answer for a requested line in place. Deleting every line and adding
     * new ones would insert a line for a requested line before its old row is deleted, which the database refuses
     * (one answer per requested line).
     */
    private void replaceLines(List<QuoteSubmission.LineInput> submitted) {
        Map<UUID, QuoteSubmission.LineInput> byRequestLine = new HashMap<>();
        submitted.forEach(l -> byRequestLine.put(l.requestLineId(), l));
        lines.removeIf(line -> !byRequestLine.containsKey(line.requestLineId()));
        for (QuoteLine line : lines) {
            QuoteSubmission.LineInput answer = byRequestLine.remove(line.requestLineId());
            line.answer(answer.available(), answer.unitPrice());
        }
        submitted.stream().filter(l -> byRequestLine.containsKey(l.requestLineId()))
                .forEach(l -> lines.add(new QuoteLine(this, l.requestLineId(), l.available(), l.unitPrice())));
    }

    void withdraw(OffsetDateTime now) {
        if (status != QuoteStatus.SUBMITTED) {
            throw new StateConflictException("This quote is " + status.name().toLowerCase() + " and cannot be withdrawn.");
        }
        status = QuoteStatus.WITHDRAWN;
        updatedAt = now;
    }

    void accept(OffsetDateTime now) {
        if (status != QuoteStatus.SUBMITTED) {
            throw new StateConflictException("This quote is " + status.name().toLowerCase() + " and cannot be accepted.");
        }
        if (!now.isBefore(validUntil)) {
            throw new StateConflictException("This quote was valid until " + validUntil + "; ask the shop to renew it.");
        }
        status = QuoteStatus.ACCEPTED;
        updatedAt = now;
    }

    /**
     * Another quote won, or the request closed: this one is declined unless the shop had withdrawn it. Answers
     * whether it was.
     */
    boolean decline(OffsetDateTime now) {
        if (status == QuoteStatus.SUBMITTED) {
            status = QuoteStatus.DECLINED;
            updatedAt = now;
            return true;
        }
        return false;
    }

    /** Sum of available lines (unit price times requested quantity) plus freight. */
    public BigDecimal total(PartsRequest request) {
        BigDecimal sum = freight;
        for (QuoteLine line : lines) {
            if (line.available()) {
                sum = sum.add(line.unitPrice().multiply(BigDecimal.valueOf(request.line(line.requestLineId()).quantity())));
            }
        }
        return sum.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Requested lines this quote does not offer, whether marked unavailable or left out. */
    public List<UUID> missingLineIds(PartsRequest request) {
        Set<UUID> offered = new HashSet<>();
        lines.stream().filter(QuoteLine::available).forEach(l -> offered.add(l.requestLineId()));
        return request.lines().stream().map(RequestLine::id).filter(id -> !offered.contains(id)).toList();
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public UUID shopId() {
        return shopId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public QuoteStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal freight() {
        return freight;
    }

    public int etaHours() {
        return etaHours;
    }

    public OffsetDateTime validUntil() {
        return validUntil;
    }

    public String notes() {
        return notes;
    }

    public int revision() {
        return revision;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public List<QuoteLine> lines() {
        return List.copyOf(lines);
    }
}
