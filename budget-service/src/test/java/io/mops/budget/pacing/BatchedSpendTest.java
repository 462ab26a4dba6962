package io.mops.budget.pacing;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchedSpendTest {

    static final BudgetPeriod DECEMBER = BudgetPeriod.month(YearMonth.of(2026, 12));
    static final Pacing EVEN = new Pacing(PacingCurve.EVEN, new BigDecimal("0.10"));

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static BatchedSpend.Report on(int day, String amount) {
        return new BatchedSpend.Report(LocalDate.of(2026, 12, day), eur(amount));
    }

    @Test
    void theReportThatCrossesTheBudgetExhaustsItAndItAndLaterOnesAreOverTheCap() {
        BatchedSpend.Outcome outcome = BatchedSpend.apply(eur("100"), eur("0"),
                List.of(on(4, "30"), on(4, "30"), on(5, "30"), on(6, "30"), on(6, "30")), EVEN, DECEMBER);

        assertEquals(List.of(false, false, false, true, true), outcome.overCap());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 6)), outcome.exhaustedOn());
        assertEquals(eur("150"), outcome.cap().spentAfter());
        assertEquals(eur("50"), outcome.cap().overrun());
        assertTrue(outcome.cap().exhausted());
    }

    @Test
    void aBudgetAlreadyUsedUpIsNotAnnouncedAgain() {
        BatchedSpend.Outcome outcome = BatchedSpend.apply(eur("100"), eur("100"), List.of(on(4, "1"), on(5, "2")),
                EVEN, DECEMBER);

        assertFalse(outcome.exhaustedNow());
        assertTrue(outcome.cap().exhausted());
        assertEquals(List.of(true, true), outcome.overCap());
    }

    @Test
    void reachingTheBudgetExactlyExhaustsItWithoutAnOverrun() {
        BatchedSpend.Outcome outcome = BatchedSpend.apply(eur("100"), eur("40"), List.of(on(3, "25"), on(3, "35")),
                EVEN, DECEMBER);

        assertEquals(List.of(false, false), outcome.overCap());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 3)), outcome.exhaustedOn());
        assertEquals(eur("0"), outcome.cap().overrun());
    }

    @Test
    void pacingIsJudgedOnceOnEverythingSpentAsOfTheLatestDayReported() {
        // 31-day month, budget 3100, even curve: 100 a day planned. Days 10 and 5 arrive out of order.
        BatchedSpend.Outcome outcome = BatchedSpend.apply(eur("3100"), eur("500"), List.of(on(10, "400"),
                on(5, "100")), EVEN, DECEMBER);

        assertEquals(LocalDate.of(2026, 12, 10), outcome.asOf());
        assertEquals(eur("1000"), outcome.pacing().plannedToDate());
        assertEquals(eur("1000"), outcome.pacing().spentToDate());
        assertEquals(PacingState.ON_PACE, outcome.pacing().state());
    }

    @Test
    void aBatchEndsWhereTheSameReportsOneByOneInDayOrderEnd() {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int trial = 0; trial < 200; trial++) {
            Money budget = eur(Integer.toString(50 + random.nextInt(500)));
            Money spentBefore = eur(Integer.toString(random.nextInt(100)));
            List<BatchedSpend.Report> reports = new ArrayList<>();
            int day = 1 + random.nextInt(20);
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                day += random.nextInt(2);
                reports.add(on(day, random.nextInt(5000) / 100 + "." + String.format("%02d", random.nextInt(100))));
            }

            BatchedSpend.Outcome batch = BatchedSpend.apply(budget, spentBefore, reports, EVEN, DECEMBER);

            Money spent = spentBefore;
            PacingAssessment lastPacing = null;
            Optional<LocalDate> exhaustedOn = Optional.empty();
            List<Boolean> overCap = new ArrayList<>();
            for (BatchedSpend.Report report : reports) {
                SpendCap.SpendOutcome single = SpendCap.apply(budget, spent, report.amount());
                overCap.add(single.spentAfter().isGreaterThan(budget));
                if (single.exhaustedNow()) {
                    exhaustedOn = Optional.of(report.day());
                }
                spent = single.spentAfter();
                lastPacing = EVEN.assess(budget, spent, DECEMBER, report.day());
            }
            assertEquals(spent, batch.cap().spentAfter(), "trial " + trial);
            assertEquals(overCap, batch.overCap(), "trial " + trial);
            assertEquals(exhaustedOn, batch.exhaustedOn(), "trial " + trial);
            assertEquals(lastPacing, batch.pacing(), "trial " + trial);
        }
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> BatchedSpend.apply(eur("100"), eur("0"), List.of(), EVEN, DECEMBER));
    }
}
