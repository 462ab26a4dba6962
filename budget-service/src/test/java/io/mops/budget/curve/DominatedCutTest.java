package io.mops.budget.curve;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DominatedCutTest {

    private static final Identifiability.Limits LIMITS = new Identifiability.Limits(0.25, 0.4);

    /** Spend 1,000 a period; marginal return 0.5 ± 0.4, average return 1.0, x f″ = −0.6 ± 0.5: held. */
    private static Identifiability held(double slope, double slopeUncertainty) {
        return new Identifiability(1000, 0.5, 0.4, 1.0, slope, slopeUncertainty, LIMITS);
    }

    @Test
    void aHeldChannelBelowATrustedOneIsCutAsFarAsItsUpperBoundStaysBelow() {
        // Upper end 0.5 + 0.4 = 0.9; it rises by 0.6 + 0.5 = 1.1 per share cut; the trusted lower end is 1.2:
        // 0.9 + 1.1 δ = 1.2 at δ = 0.3 / 1.1.
        DominatedCut cut = DominatedCut.of(held(-0.6, 0.5), "search", 1.2, 0.5).orElseThrow();
        assertEquals(0.3 / 1.1, cut.share(), 1e-12);
        assertEquals(0.9, cut.upperMarginal(), 1e-12);
        assertEquals("search", cut.trustedChannel());
        assertTrue(cut.reason().contains("at most 0.9000") && cut.reason().contains("search's at least 1.2000"),
                cut.reason());
    }

    @Test
    void noCutWhenTheIntervalsOverlap() {
        assertEquals(Optional.empty(), DominatedCut.of(held(-0.6, 0.5), "search", 0.9, 0.5));
        assertEquals(Optional.empty(), DominatedCut.of(held(-0.6, 0.5), "search", 0.85, 0.5));
    }

    @Test
    void theCutNeverTakesMoreThanTheShareTheCoeAllows() {
        // 0.9 + 1.1 δ = 2.0 only at δ = 1: capped at 0.5.
        assertEquals(0.5, DominatedCut.of(held(-0.6, 0.5), "search", 2.0, 0.5).orElseThrow().share(), 1e-12);
        // A convex stretch whose uncertainty grows slower than its fall: the upper end never rises, capped as well.
        assertEquals(0.5, DominatedCut.of(held(0.3, 0.1), "search", 1.0, 0.5).orElseThrow().share(), 1e-12);
        assertEquals(Optional.empty(), DominatedCut.of(held(-0.6, 0.5), "search", 2.0, 0));
    }

    @Test
    void aCurveWithoutAnAverageReturnOrAFiniteIntervalIsNeverCut() {
        Identifiability flat = new Identifiability(1000, 0, Double.POSITIVE_INFINITY, 0, 0, Double.POSITIVE_INFINITY,
                LIMITS);
        assertEquals(Optional.empty(), DominatedCut.of(flat, "search", 5, 0.5));
    }

    @Test
    void theTrustedLowerEndIsTheMarginalReturnLessItsHalfWidth() {
        // 1.5 − 0.1 × 2.0
        assertEquals(1.3, DominatedCut.lowerMarginal(new Identifiability(500, 1.5, 0.1, 2.0, -0.4, 0.2, LIMITS)),
                1e-12);
    }

    @Test
    void atTheCutTheUpperEndMeetsTheTrustedLowerEnd() {
        // Property over a grid: U(δ) = upper + δ (u_s a − x f″) equals L at the cut unless the cap binds, and stays
        // below it for every smaller cut.
        for (double slope = -2; slope <= 0.5; slope += 0.25) {
            for (double lower = 0.95; lower <= 3; lower += 0.35) {
                Identifiability h = held(slope, 0.3);
                Optional<DominatedCut> cut = DominatedCut.of(h, "search", lower, 0.5);
                assertTrue(cut.isPresent());
                double rise = 0.3 - slope;
                double at = cut.get().upperMarginal() + cut.get().share() * rise;
                assertTrue(at <= lower + 1e-12, "upper end " + at + " above " + lower);
                if (cut.get().share() < 0.5) {
                    assertEquals(lower, at, 1e-9);
                }
            }
        }
    }

    @Test
    void whatTheChannelKeepsIsRoundedUpToTheCent() {
        // A share that leaves fractions of a cent: 1,000.01 × (1 − 0.3333) = 666.706667, kept as 666.71. Money
        // refuses amounts finer than the currency's minor unit, and before this the loop's proposal failed on it.
        DominatedCut cut = new DominatedCut(0.3333, 0.5, "search", 1.0);
        assertEquals(io.mops.budget.money.Money.of("666.71", "EUR"),
                cut.lowest(io.mops.budget.money.Money.of("1000.01", "EUR")));
        assertEquals(io.mops.budget.money.Money.of("500.00", "EUR"),
                new DominatedCut(0.5, 0.5, "search", 1.0).lowest(io.mops.budget.money.Money.of("1000.00", "EUR")));
    }
}
