package org.clutch.billing;

import java.math.BigDecimal;
import java.util.List;

/** A plan with its fees per currency. */
public record PlanView(String code, String name, BigDecimal commissionPercent, List<Plan.Price> prices, long version) {

    static PlanView of(Plan p) {
        return new PlanView(p.id(), p.name(), p.commissionPercent(), p.prices().stream()
                .map(x -> new Plan.Price(x.currency(), x.monthlyFee().amount(), x.minimumFee().amount())).toList(), p.version());
    }
}
