package org.clutch.billing;

import org.clutch.platform.InvalidInputException;
import org.clutch.platform.Money;
import org.clutch.platform.StateConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillingTest {

    private static final Currency KES = Currency.getInstance("KES");
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    private static Money kes(String amount) {
        return Money.of(new BigDecimal(amount), "KES");
    }

    private static Plan standard() {
        Plan plan = new Plan();
        plan.revise("Standard", new BigDecimal("3.00"), List.of(new Plan.Price("KES", new BigDecimal("2500"), new BigDecimal("5000"))), NOW);
        return plan;
    }

    @Test
    void commissionIsRoundedHalfEvenToTheMinorUnit() {
        Plan plan = standard();
        assertEquals(kes("37.04"), plan.commissionOn(kes("1234.50")), "37.035: the 3 before the tie is odd, so up");
        assertEquals(kes("37.06"), plan.commissionOn(kes("1235.50")), "37.065: the 6 before the tie is even, so it stays");
        assertEquals(kes("135.02"), plan.commissionOn(kes("4500.55")));
    }

    @Test
    void reversalsGiveBackTheRefundedShareAndNeverMoreThanWasAccrued() {
        UUID order = UUID.randomUUID();
        CommissionEntry accrual = CommissionEntry.accrual(UUID.randomUUID(), order, 100001, kes("1000.01"), standard(), NOW);
        assertEquals(kes("30.00"), accrual.amount(), "30.0003 rounds to 30.00");
        CommissionEntry first = CommissionEntry.reversal(accrual, kes("0"), kes("333.33"), false, NOW);
        assertEquals(kes("10.00"), first.amount(), "3% of 333.33 = 9.9999");
        CommissionEntry rest = CommissionEntry.reversal(accrual, first.amount(), kes("666.68"), true, NOW);
        assertEquals(kes("20.00"), rest.amount(), "the last refund takes exactly what is left");
        assertEquals(accrual.amount(), first.amount().plus(rest.amount()));
        CommissionEntry beyond = CommissionEntry.reversal(accrual, kes("25.00"), kes("1000.00"), false, NOW);
        assertEquals(kes("5.00"), beyond.amount(), "capped at what is still accrued");
    }

    private static Invoice issue(Invoice.Commission commission) {
        Plan plan = standard();
        return Invoice.issue(new Invoice.Billed(UUID.randomUUID(), "Westlands Motor Spares Ltd", KES, new BigDecimal("16.00"), plan,
                plan.priceIn(KES).orElseThrow()), 7, new BillingPeriod(YearMonth.of(2026, 10), ZoneId.of("Africa/Nairobi")), commission,
                LocalDate.of(2026, 11, 2), 14, NOW);
    }

    @Test
    void aQuietMonthIsToppedUpToTheMinimumAndTaxedAtTheTenantsRate() {
        Invoice invoice = issue(new Invoice.Commission(10, kes("300.00"), 1, kes("50.00")));
        assertEquals(List.of(InvoiceLine.Kind.SUBSCRIPTION, InvoiceLine.Kind.COMMISSION, InvoiceLine.Kind.REVERSAL, InvoiceLine.Kind.MINIMUM_FEE),
                invoice.lines().stream().map(InvoiceLine::kind).toList());
        assertEquals(new BigDecimal("-50.00"), invoice.lines().get(2).amount());
        assertEquals(new BigDecimal("2250.00"), invoice.lines().get(3).amount(), "5000 - (2500 + 300 - 50)");
        assertEquals(new BigDecimal("5000.00"), invoice.subtotal());
        assertEquals(new BigDecimal("800.00"), invoice.tax());
        assertEquals(new BigDecimal("5800.00"), invoice.total());
        assertEquals("INV-000007", invoice.reference());
        assertEquals(LocalDate.of(2026, 11, 16), invoice.dueDate());
        assertEquals(LocalDate.of(2026, 10, 1), invoice.periodStart());
    }

    @Test
    void aBusyMonthPaysSubscriptionPlusCommissionWithTaxRoundedHalfEven() {
        Invoice invoice = issue(new Invoice.Commission(120, kes("4000.03"), 0, kes("0")));
        assertEquals(2, invoice.lines().size(), "no reversal, no top-up");
        assertEquals(new BigDecimal("6500.03"), invoice.subtotal());
        assertEquals(new BigDecimal("1040.00"), invoice.tax(), "16% of 6500.03 = 1040.0048");
        assertEquals(new BigDecimal("7540.03"), invoice.total());
    }

    @Test
    void anInvoiceIsPaidOrVoidedOnceAndOverdueOnlyAfterItsDueDate() {
        Invoice invoice = issue(new Invoice.Commission(0, kes("0"), 0, kes("0")));
        assertFalse(invoice.markOverdueIfDue(LocalDate.of(2026, 11, 16)), "due that day, not yet overdue");
        assertTrue(invoice.markOverdueIfDue(LocalDate.of(2026, 11, 17)));
        invoice.markPaid(NOW);
        assertEquals(InvoiceStatus.PAID, invoice.status());
        var refused = assertThrows(StateConflictException.class, () -> invoice.voidWith("typo", NOW));
        assertTrue(refused.getMessage().contains("credit note"), refused.getMessage());
        assertThrows(StateConflictException.class, () -> invoice.markPaid(NOW));
    }

    @Test
    void amountsInDifferentCurrenciesAreNeverAdded() {
        assertThrows(IllegalArgumentException.class, () -> kes("1").plus(Money.of(BigDecimal.ONE, "USD")));
    }

    @Test
    void planPricesAreCheckedAllAtOnce() {
        Plan plan = standard();
        var e = assertThrows(InvalidInputException.class, () -> plan.revise("Standard", new BigDecimal("100"),
                List.of(new Plan.Price("KSH", BigDecimal.ONE, BigDecimal.ONE), new Plan.Price("JPY", new BigDecimal("10.5"), BigDecimal.ZERO)),
                NOW));
        assertEquals(List.of("commissionPercent", "prices[0].currency", "prices[1].monthlyFee"),
                e.fieldErrors().stream().map(InvalidInputException.FieldError::field).toList());
        assertEquals(new BigDecimal("3.00"), plan.commissionPercent(), "nothing changed");
    }
}
