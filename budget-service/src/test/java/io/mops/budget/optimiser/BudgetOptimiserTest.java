package io.mops.budget.optimiser;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.curve.SpendResponse;
import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetRuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetOptimiserTest {

    static final double GRID_STEP = 10;

    static SpendResponse known(ResponseCurve curve) {
        return new CurveFit(curve, 1, 0, 52, new double[4][4]).overPeriods(1);
    }

    static Money eur(double amount) {
        return Money.of(BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_EVEN), Money.currency("EUR"));
    }

    // Concave (shape ≤ 1) curves of different scale and saturation.
    static final SpendResponse SEARCH = known(new ResponseCurve(0.3, 6000, 1500, 1.0));
    static final SpendResponse SOCIAL = known(new ResponseCurve(0.5, 4000, 800, 0.8));
    static final SpendResponse EMAIL = known(new ResponseCurve(0.1, 2500, 300, 1.0));

    private static double[] spendOf(Reallocation r) {
        return r.moves().stream().mapToDouble(m -> m.spendAfter().amount().doubleValue()).toArray();
    }

    private static double outcome(SpendResponse[] responses, double[] spend) {
        double total = 0;
        for (int i = 0; i < spend.length; i++) {
            total += responses[i].outcome(spend[i]);
        }
        return total;
    }

    /** Every split of {@code total} on the grid within the bounds; the one with the highest outcome. */
    private static double[] bruteForce(SpendResponse[] r, double total, double[] low, double[] high) {
        double[] best = null;
        double bestOutcome = Double.NEGATIVE_INFINITY;
        for (double a = low[0]; a <= high[0] + 1e-9; a += GRID_STEP) {
            for (double b = low[1]; b <= high[1] + 1e-9; b += GRID_STEP) {
                double c = total - a - b;
                if (c < low[2] - 1e-9 || c > high[2] + 1e-9) {
                    continue;
                }
                double[] split = {a, b, c};
                double o = outcome(r, split);
                if (o > bestOutcome) {
                    bestOutcome = o;
                    best = split;
                }
            }
        }
        return best;
    }

    private static void assertMatchesGrid(double[] grid, Reallocation r, SpendResponse[] responses) {
        double[] found = spendOf(r);
        for (int i = 0; i < found.length; i++) {
            assertEquals(grid[i], found[i], GRID_STEP, r.moves().get(i).channel());
        }
        assertTrue(outcome(responses, found) >= outcome(responses, grid) - 1e-6,
                "the optimiser does at least as well as the best grid point");
    }

    @Test
    void unconstrainedSplitMatchesABruteForceGridSearch() {
        SpendResponse[] responses = {SEARCH, SOCIAL, EMAIL};
        Reallocation r = new BudgetOptimiser(Optional.empty()).optimise(eur(3000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)),
                ChannelOption.unconstrained("social", SOCIAL, eur(1000)),
                ChannelOption.unconstrained("email", EMAIL, eur(1000))));
        double[] grid = bruteForce(responses, 3000, new double[] {0, 0, 0}, new double[] {3000, 3000, 3000});
        assertMatchesGrid(grid, r, responses);
    }

    @Test
    void constrainedSplitMatchesABruteForceGridSearchWithinTheSameBounds() {
        SpendResponse[] responses = {SEARCH, SOCIAL, EMAIL};
        Reallocation r = new BudgetOptimiser(Optional.of(new BigDecimal("0.20"))).optimise(eur(3000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)).within(eur(900), eur(1150)),
                ChannelOption.unconstrained("social", SOCIAL, eur(1000)),
                ChannelOption.unconstrained("email", EMAIL, eur(1000))));
        // search: its own 900..1150; the others: ±20 % of 1,000.
        double[] grid = bruteForce(responses, 3000, new double[] {900, 800, 800}, new double[] {1150, 1200, 1200});
        assertMatchesGrid(grid, r, responses);
    }

    @Test
    void unconstrainedChannelsEndWithEqualMarginalReturns() {
        Reallocation r = new BudgetOptimiser(Optional.empty()).optimise(eur(3000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)),
                ChannelOption.unconstrained("social", SOCIAL, eur(1000)),
                ChannelOption.unconstrained("email", EMAIL, eur(1000))));
        double first = r.moves().getFirst().marginalReturnAfter();
        for (ChannelMove move : r.moves()) {
            assertEquals(ChannelMove.Limit.NONE, move.limit());
            assertEquals(first, move.marginalReturnAfter(), first * 0.01, move.channel());
        }
        assertTrue(r.expectedOutcomeChange() > 0);
    }

    @Test
    void allocationsAddUpToTheTotalToTheCent() {
        Reallocation r = new BudgetOptimiser(Optional.of(new BigDecimal("0.5"))).optimise(eur(3333.33), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1111.11)),
                ChannelOption.unconstrained("social", SOCIAL, eur(1111.11)),
                ChannelOption.unconstrained("email", EMAIL, eur(1111.11))));
        Money sum = Money.sum(r.moves().stream().map(ChannelMove::spendAfter).toList(), Money.currency("EUR"));
        assertEquals(eur(3333.33), sum);
    }

    @Test
    void noChannelMovesMoreThanTheMaximumChangeAndLockedChannelsDoNotMove() {
        Reallocation r = new BudgetOptimiser(Optional.of(new BigDecimal("0.20"))).optimise(eur(3000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)),
                ChannelOption.unconstrained("social", SOCIAL, eur(1500)).lockedAtCurrent(),
                ChannelOption.unconstrained("email", EMAIL, eur(500))));
        for (ChannelMove move : r.moves()) {
            double before = move.spendBefore().amount().doubleValue();
            double after = move.spendAfter().amount().doubleValue();
            assertTrue(Math.abs(after - before) <= 0.2 * before + 1e-9, move.channel() + " moved " + (after - before));
        }
        ChannelMove social = r.moves().get(1);
        assertEquals(eur(1500), social.spendAfter());
        assertEquals(ChannelMove.Limit.LOCKED, social.limit());
        assertEquals(0, social.outcomeChange(), 1e-12);
    }

    @Test
    void theExplanationNamesTheGuardrailThatHeldAChannel() {
        // email saturates early, search keeps returning: money flows from email to search until ±20 % binds.
        Reallocation r = new BudgetOptimiser(Optional.of(new BigDecimal("0.20"))).optimise(eur(2000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)),
                ChannelOption.unconstrained("email", EMAIL, eur(1000))));
        ChannelMove search = r.moves().get(0);
        ChannelMove email = r.moves().get(1);
        assertEquals(eur(1200), search.spendAfter());
        assertEquals(ChannelMove.Limit.AT_MAX_INCREASE, search.limit());
        assertEquals(eur(800), email.spendAfter());
        assertEquals(ChannelMove.Limit.AT_MAX_DECREASE, email.limit());
        assertTrue(search.marginalReturnBefore() > email.marginalReturnBefore());
        assertTrue(search.marginalReturnAfter() < search.marginalReturnBefore(), "diminishing returns");
        assertEquals(search.outcomeAfter() - search.outcomeBefore(), search.outcomeChange(), 1e-9);
    }

    @Test
    void anSShapedChannelBelowItsThresholdIsNotFedCrumbs() {
        SpendResponse threshold = known(new ResponseCurve(0, 10000, 2000, 4));
        Reallocation r = new BudgetOptimiser(Optional.empty()).optimise(eur(1000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(500)),
                ChannelOption.unconstrained("video", threshold, eur(500))));
        SpendResponse[] responses = {SEARCH, threshold};
        double best = Double.NEGATIVE_INFINITY;
        for (double a = 0; a <= 1000; a += GRID_STEP) {
            best = Math.max(best, outcome(responses, new double[] {a, 1000 - a}));
        }
        assertTrue(outcome(responses, spendOf(r)) >= best - 1e-6);
    }

    @Test
    void whenTheCurrentSplitIsAlreadyTheBestItIsKeptWithTheReason() {
        // Two identical channels with equal spend: by symmetry and concavity no other split does better.
        Reallocation r = new BudgetOptimiser(Optional.empty()).optimise(eur(2000), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)),
                ChannelOption.unconstrained("search-brand", SEARCH, eur(1000))));
        assertTrue(r.keptBecause().isPresent());
        assertTrue(r.keptBecause().get().contains("current split is kept"), r.keptBecause().get());
        for (ChannelMove move : r.moves()) {
            assertEquals(move.spendBefore(), move.spendAfter());
            assertEquals(ChannelMove.Limit.KEPT, move.limit());
        }
        assertEquals(0, r.expectedOutcomeChange(), 1e-9);
    }

    @Test
    void aGainSmallerThanItsStandardErrorDoesNotMoveMoney() {
        // The maximum response of each curve is known only to ±100 % (sd 1 on its log), so any change of a
        // channel's outcome is uncertain by about its own size; the gain of a ±20 % move is a small difference
        // of two such changes.
        double[][] uncertainLevel = new double[4][4];
        uncertainLevel[1][1] = 1;
        SpendResponse search = new CurveFit(new ResponseCurve(0.3, 6000, 1500, 1.0), 1, 0, 52, uncertainLevel)
                .overPeriods(1);
        SpendResponse social = new CurveFit(new ResponseCurve(0.5, 4000, 800, 0.8), 1, 0, 52, uncertainLevel)
                .overPeriods(1);
        List<ChannelOption> channels = List.of(ChannelOption.unconstrained("search", search, eur(1000)),
                ChannelOption.unconstrained("social", social, eur(1000)));

        Reallocation anyGain = new BudgetOptimiser(Optional.of(new BigDecimal("0.2")), 0).optimise(eur(2000), channels);
        Reallocation confidentGain = new BudgetOptimiser(Optional.of(new BigDecimal("0.2")), 1)
                .optimise(eur(2000), channels);

        assertTrue(anyGain.keptBecause().isEmpty());
        assertTrue(anyGain.expectedOutcomeChange() > 0);
        assertTrue(anyGain.expectedOutcomeChangeStandardError() > anyGain.expectedOutcomeChange());
        assertTrue(confidentGain.keptBecause().isPresent());
        assertTrue(confidentGain.keptBecause().get().contains("standard error"), confidentGain.keptBecause().get());
        assertEquals(eur(1000), confidentGain.moves().get(0).spendAfter());
    }

    @Test
    void aMoveTooUncertainToMakeWhollyGoesAsFarAsItsOwnGainClearsTheBar() {
        // search is known; social's level is known to ±40 % (sd 0.4 on its log), so a change of social's outcome by
        // Δ has a standard error of exactly 0.4 |Δ|. Both are Hill curves of shape 1 with adstock decay 0.3: at a
        // steady spend x, f(x) = M x / (0.7 K + x).
        double[][] socialLevel = new double[4][4];
        socialLevel[1][1] = 0.4 * 0.4;
        SpendResponse search = known(new ResponseCurve(0.3, 6000, 1500, 1.0));
        SpendResponse social = new CurveFit(new ResponseCurve(0.3, 4000, 800, 1.0), 1, 0, 52, socialLevel)
                .overPeriods(1);
        List<ChannelOption> channels = List.of(ChannelOption.unconstrained("search", search, eur(1000)),
                ChannelOption.unconstrained("social", social, eur(1000)));

        Reallocation r = new BudgetOptimiser(Optional.of(new BigDecimal("0.2")), 1).optimise(eur(2000), channels);

        // The reference, by hand. The best split equalises 6000·1050/(1050+a)² and 4000·560/(2560−a)² at a = 1211.5,
        // beyond the ±20 % a move may change a channel, so the whole way ends at search 1,200 / social 800: a gain of
        // 273.2 − 211.2 = 62.0 with a standard error of 0.4 · 211.2 = 84.5. Walking search from 1,000 toward 1,200
        // cent by cent, the farthest point whose gain still exceeds 0.4 |Δ social|:
        double farthest = 0;
        for (int cents = 0; cents <= 20_000; cents++) {
            double a = 1000 + cents / 100.0;
            double gain = searchChange(a) + socialChange(a);
            if (gain > 0.4 * Math.abs(socialChange(a))) {
                farthest = a - 1000;
            }
        }
        assertTrue(farthest > 50 && farthest < 200, "reference " + farthest);
        assertTrue(searchChange(1200) + socialChange(1200) < 0.4 * Math.abs(socialChange(1200)));

        double moved = r.moves().get(0).spendAfter().amount().doubleValue() - 1000;
        assertTrue(r.keptBecause().isEmpty(), r.keptBecause().toString());
        assertTrue(r.partOfTheWay().isPresent());
        assertTrue(r.partOfTheWay().get().contains("of the way"), r.partOfTheWay().get());
        // Steps are twentieths of the whole way (200): the longest one not beyond the reference's farthest point.
        assertTrue(moved <= farthest + 0.01 && moved > farthest - 200.0 / 20 - 0.01,
                "moved " + moved + ", reference " + farthest + ": " + r.partOfTheWay().get());
        assertEquals(2000, r.moves().get(0).spendAfter().plus(r.moves().get(1).spendAfter()).amount().doubleValue(),
                1e-9);
        assertEquals(ChannelMove.Limit.PART_OF_THE_WAY, r.moves().get(0).limit());
        assertEquals(ChannelMove.Limit.PART_OF_THE_WAY, r.moves().get(1).limit());
        // Its gain and error, by hand from the allocation it chose.
        double a = 1000 + moved;
        assertEquals(searchChange(a) + socialChange(a), r.expectedOutcomeChange(), 1e-6);
        assertEquals(0.4 * Math.abs(socialChange(a)), r.expectedOutcomeChangeStandardError(), 1e-6);
    }

    /** search's outcome change when it goes from 1,000 to {@code a}: 6000 x / (1050 + x). */
    private static double searchChange(double a) {
        return 6000 * a / (1050 + a) - 6000 * 1000 / 2050.0;
    }

    /** social's when it goes from 1,000 to 2,000 − {@code a}: 4000 x / (560 + x). */
    private static double socialChange(double a) {
        return 4000 * (2000 - a) / (560 + 2000 - a) - 4000 * 1000 / 1560.0;
    }

    @Test
    void theCurrentSplitIsNoChoiceWhenItDoesNotSpendTheTotal() {
        // Unallocated money must go somewhere, so the best split is proposed even if it gains nothing on its own.
        Reallocation r = new BudgetOptimiser(Optional.empty()).optimise(eur(2500), List.of(
                ChannelOption.unconstrained("search", SEARCH, eur(1000)),
                ChannelOption.unconstrained("search-brand", SEARCH, eur(1000))));
        assertTrue(r.keptBecause().isEmpty());
        assertEquals(eur(1250), r.moves().get(0).spendAfter());
        assertEquals(eur(1250), r.moves().get(1).spendAfter());
    }

    @Test
    void minimumsAboveTheTotalAreRefused() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> new BudgetOptimiser(Optional.empty()).optimise(eur(1000), List.of(
                        ChannelOption.unconstrained("search", SEARCH, eur(500)).within(eur(600), eur(1000)),
                        ChannelOption.unconstrained("email", EMAIL, eur(500)).within(eur(600), eur(1000)))));
        assertEquals("total", refused.field());
    }

    @Test
    void aMinimumOutOfReachOfTheMaximumChangeNamesTheChannel() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> new BudgetOptimiser(Optional.of(new BigDecimal("0.1"))).optimise(eur(1000), List.of(
                        ChannelOption.unconstrained("search", SEARCH, eur(500)).within(eur(600), eur(1000)),
                        ChannelOption.unconstrained("email", EMAIL, eur(500)))));
        assertEquals("channels.search", refused.field());
    }

    @Test
    void aChannelInAnotherCurrencyIsRefused() {
        assertThrows(BudgetRuleViolation.class, () -> new BudgetOptimiser(Optional.empty()).optimise(eur(1000),
                List.of(ChannelOption.unconstrained("search", SEARCH, Money.of("500", "USD")))));
    }
}
