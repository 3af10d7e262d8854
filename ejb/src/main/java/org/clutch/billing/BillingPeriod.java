package org.clutch.billing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/** A calendar month as a tenant lives it: from midnight of the 1st to midnight of the next 1st, in its time zone. */
public record BillingPeriod(YearMonth month, ZoneId zone) {

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    /** The first day after the period. */
    public LocalDate endDay() {
        return month.plusMonths(1).atDay(1);
    }

    public OffsetDateTime start() {
        return firstDay().atStartOfDay(zone).toOffsetDateTime();
    }

    public OffsetDateTime end() {
        return endDay().atStartOfDay(zone).toOffsetDateTime();
    }

    /** Whether the month is over where the tenant is, so that it can be billed. */
    public boolean isOverAt(OffsetDateTime now) {
        return !now.isBefore(end());
    }
}
