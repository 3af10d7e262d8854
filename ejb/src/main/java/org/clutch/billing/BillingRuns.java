package org.clutch.billing;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.clutch.platform.Actor;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.clutch.platform.Role;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The monthly billing run: every tenant that existed in the month gets its invoice, each in its own transaction.
 * Scheduled for the 1st at 14:00 UTC, when the month is over in every time zone; platform admins may also start a
 * run for any finished month. Running a month again bills nobody twice.
 */
@Stateless
public class BillingRuns {

    private static final Logger LOG = Logger.getLogger(BillingRuns.class.getName());

    @Inject
    InvoiceIssuer issuer;

    @Inject
    Clock clock;

    @Schedule(dayOfMonth = "1", hour = "14", minute = "0", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void monthly() {
        run(currentMonth().minusMonths(1), "SCHEDULED", null);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BillingRunReport start(Actor actor, YearMonth month) {
        actor.require(Role.PLATFORM_ADMIN);
        YearMonth current = currentMonth();
        if (!month.isBefore(current)) {
            throw new InvalidInputException(List.of(new FieldError("period", "must be a month that is over, before " + current)));
        }
        return run(month, "MANUAL", actor.userId());
    }

    private YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    private BillingRunReport run(YearMonth month, String trigger, UUID by) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        List<InvoiceIssuer.Outcome> outcomes = new ArrayList<>();
        for (UUID tenant : issuer.tenantsToBill(month)) {
            InvoiceIssuer.Outcome outcome;
            try {
                outcome = issuer.bill(tenant, month);
            } catch (RuntimeException e) {
                outcome = new InvoiceIssuer.Outcome(tenant, InvoiceIssuer.Result.FAILED, null, "could not be billed: " + e);
            }
            outcomes.add(outcome);
        }
        BillingRun run = new BillingRun(month.atDay(1), trigger, by, started, OffsetDateTime.now(clock), outcomes);
        issuer.record(run);
        LOG.info(() -> "event=billing-run period=" + month + " trigger=" + trigger + " tenants=" + run.tenants() + " issued="
                + run.issued() + " already-billed=" + run.alreadyBilled() + " failed=" + run.failed() + " ms="
                + java.time.Duration.between(started, run.finishedAt()).toMillis());
        return new BillingRunReport(run.id(), month, trigger, started, run.finishedAt(), run.tenants(), run.issued(), run.alreadyBilled(),
                run.failed(), outcomes);
    }
}
