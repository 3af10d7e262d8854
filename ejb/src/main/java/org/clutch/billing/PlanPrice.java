package org.clutch.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.clutch.platform.Money;

import java.math.BigDecimal;

/** A plan's fees in one currency. */
@Embeddable
public class PlanPrice {

    @Column(nullable = false)
    private String currency;

    @Column(name = "monthly_fee", nullable = false)
    private BigDecimal monthlyFee;

    @Column(name = "minimum_fee", nullable = false)
    private BigDecimal minimumFee;

    protected PlanPrice() {
    }

    PlanPrice(String currency, BigDecimal monthlyFee, BigDecimal minimumFee) {
        this.currency = currency;
        this.monthlyFee = monthlyFee;
        this.minimumFee = minimumFee;
    }

    public String currency() {
        return currency;
    }

    public Money monthlyFee() {
        return Money.of(monthlyFee, currency);
    }

    public Money minimumFee() {
        return Money.of(minimumFee, currency);
    }
}
