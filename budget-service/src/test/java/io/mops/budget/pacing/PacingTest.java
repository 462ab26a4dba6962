package io.mops.budget.pacing;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetRuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacingTest {

    static final BudgetPeriod NOVEMBER = BudgetPeriod.month(YearMonth.of(2026, 11));
    static final Money BUDGET = Money.of("3000", "EUR");

    @Test
    void halfwayThroughEachCurvePlansItsOwnShare() {
        assertEquals(0, new BigDecimal("0.5").compareTo(PacingCurve.EVEN.plannedShare(15, 30)));
        assertEquals(0, new BigDecimal("0.75").compareTo(PacingCurve.FRONT_LOADED.plannedShare(15, 30)));
        assertEquals(0, new BigDecimal("0.25").compareTo(PacingCurve.BACK_LOADED.plannedShare(15, 30)));
    }

    @Test
    void everyCurveStartsAtNothingEndsAtTheWholeBudgetAndNeverGoesBack() {
        for (PacingCurve curve : PacingCurve.values()) {
            assertEquals(0, curve.plannedShare(0, 30).signum());
            assertEquals(0, BigDecimal.ONE.compareTo(curve.plannedShare(30, 30)), curve.name());
            for (int d = 1; d <= 30; d++) {
                assertTrue(curve.plannedShare(d, 30).compareTo(curve.plannedShare(d - 1, 30)) > 0, curve + " day " + d);
            }
        }
    }

    @Test
    void spendingAThirdOfTheBudgetInATenthOfTheMonthProjectsAnOverspend() {
        PacingAssessment a = new Pacing(PacingCurve.EVEN, new BigDecimal("0.10"))
                .assess(BUDGET, Money.of("1000", "EUR"), NOVEMBER, LocalDate.of(2026, 11, 3));
        assertEquals(Money.of("300", "EUR"), a.plannedToDate());
        assertEquals(Money.of("10000", "EUR"), a.projectedSpend());
        assertEquals(PacingState.OVERPACING, a.state());
        assertTrue(a.state().needsAlert());
    }

    @Test
    void spendOnTheCurveIsOnPace() {
        PacingAssessment a = new Pacing(PacingCurve.EVEN, new BigDecimal("0.10"))
                .assess(BUDGET, Money.of("1000", "EUR"), NOVEMBER, LocalDate.of(2026, 11, 10));
        assertEquals(Money.of("3000", "EUR"), a.projectedSpend());
        assertEquals(PacingState.ON_PACE, a.state());
    }

    @Test
    void theToleranceBandIsInclusive() {
        Pacing pacing = new Pacing(PacingCurve.EVEN, new BigDecimal("0.10"));
        assertEquals(PacingState.ON_PACE,
                pacing.assess(BUDGET, Money.of("1100", "EUR"), NOVEMBER, LocalDate.of(2026, 11, 10)).state());
        assertEquals(PacingState.OVERPACING,
                pacing.assess(BUDGET, Money.of("1100.01", "EUR"), NOVEMBER, LocalDate.of(2026, 11, 10)).state());
        assertEquals(PacingState.ON_PACE,
                pacing.assess(BUDGET, Money.of("900", "EUR"), NOVEMBER, LocalDate.of(2026, 11, 10)).state());
        assertEquals(PacingState.UNDERPACING,
                pacing.assess(BUDGET, Money.of("899.99", "EUR"), NOVEMBER, LocalDate.of(2026, 11, 10)).state());
    }

    @Test
    void aBackLoadedPlanForgivesALowEarlySpendThatEvenPacingWouldFlag() {
        Money spent = Money.of("700", "EUR");
        LocalDate day15 = LocalDate.of(2026, 11, 15);
        BigDecimal tolerance = new BigDecimal("0.2");
        PacingAssessment even = new Pacing(PacingCurve.EVEN, tolerance).assess(BUDGET, spent, NOVEMBER, day15);
        PacingAssessment backLoaded = new Pacing(PacingCurve.BACK_LOADED, tolerance).assess(BUDGET, spent, NOVEMBER, day15);
        assertEquals(Money.of("1400", "EUR"), even.projectedSpend());
        assertEquals(PacingState.UNDERPACING, even.state());
        assertEquals(Money.of("750", "EUR"), backLoaded.plannedToDate());
        assertEquals(Money.of("2800", "EUR"), backLoaded.projectedSpend());
        assertEquals(PacingState.ON_PACE, backLoaded.state());
    }

    @Test
    void beforeThePeriodStartsSpendIsItsOwnProjection() {
        PacingAssessment a = new Pacing(PacingCurve.FRONT_LOADED, new BigDecimal("0.1"))
                .assess(BUDGET, Money.of("0", "EUR"), NOVEMBER, LocalDate.of(2026, 10, 20));
        assertEquals(Money.of("0", "EUR"), a.projectedSpend());
    }

    @Test
    void aToleranceOutsideZeroToOneIsRefused() {
        assertThrows(BudgetRuleViolation.class, () -> new Pacing(PacingCurve.EVEN, new BigDecimal("-0.1")));
        assertThrows(BudgetRuleViolation.class, () -> new Pacing(PacingCurve.EVEN, BigDecimal.ONE));
    }
}
