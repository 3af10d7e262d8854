package org.clutch.billing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A billing plan: the commission percentage taken on delivered orders, and in each currency the monthly subscription
 * fee and the minimum a tenant pays in a month. Tenants are assigned a plan by its code (tenancy).
 */
@Entity
@Table(name = "billing_plan")
public class Plan {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "commission_percent", nullable = false)
    private BigDecimal commissionPercent;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "billing_plan_price", joinColumns = @JoinColumn(name = "plan_id"))
    private List<PlanPrice> prices = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Plan() {
    }

    /** One currency's fees, as a platform admin sets them. */
    public record Price(String currency, BigDecimal monthlyFee, BigDecimal minimumFee) {
    }

    /** Replaces the plan's name, commission and prices; all checked first, nothing changed when one is wrong. */
    public void revise(String newName, BigDecimal newCommissionPercent, List<Price> newPrices, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (newCommissionPercent.signum() < 0 || newCommissionPercent.compareTo(BigDecimal.valueOf(100)) >= 0
                || newCommissionPercent.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("commissionPercent", "must be from 0 to below 100, with at most 2 decimals"));
        }
        Set<String> seen = new HashSet<>();
        List<PlanPrice> checked = new ArrayList<>();
        for (int i = 0; i < newPrices.size(); i++) {
            Price p = newPrices.get(i);
            String field = "prices[" + i + "]";
            Currency currency;
            try {
                currency = Currency.getInstance(p.currency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".currency", p.currency() + " is not an ISO 4217 currency"));
                continue;
            }
            if (!seen.add(p.currency())) {
                errors.add(new FieldError(field + ".currency", "is listed twice"));
            }
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            if (p.monthlyFee().signum() < 0 || !Money.isExact(p.monthlyFee(), currency)) {
                errors.add(new FieldError(field + ".monthlyFee", "must be zero or more, with at most " + digits + " decimals"));
            }
            if (p.minimumFee().signum() < 0 || !Money.isExact(p.minimumFee(), currency)) {
                errors.add(new FieldError(field + ".minimumFee", "must be zero or more, with at most " + digits + " decimals"));
            }
            checked.add(new PlanPrice(p.currency(), p.monthlyFee(), p.minimumFee()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        name = newName.strip();
        commissionPercent = newCommissionPercent;
        prices.clear();
        prices.addAll(checked);
        updatedAt = now;
    }

    /** The plan's fees in a tenant's currency, if the plan is priced in it. */
    public Optional<PlanPrice> priceIn(Currency currency) {
        return prices.stream().filter(p -> p.currency().equals(currency.getCurrencyCode())).findFirst();
    }

    /** The commission on {@code base}, rounded half-even to the currency's minor unit. */
    public Money commissionOn(Money base) {
        return base.percent(commissionPercent);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public BigDecimal commissionPercent() {
        return commissionPercent;
    }

    public List<PlanPrice> prices() {
        return List.copyOf(prices);
    }

    public long version() {
        return version;
    }
}
