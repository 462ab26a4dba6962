package io.mops.testing.allocation;

import io.mops.testing.statistics.BetaPosterior;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded simulations with known conversion rates of the elimination rule's error rate and of the bandit's regret.
 * Sized to run in CI in seconds; {@link BanditEliminationLongSimulationTest} runs the same scenarios with enough
 * runs to pin the error rate's binomial interval below 1 % (figures in docs/testing.md).
 */
class BanditEliminationSimulationTest {

    /** The scenario, with the default policy (burn-in 500, error rate 1 %, winner rule on). */
    @Test
    void theBestOfTenSimilarVariantsIsKeptAndRegretIsBelowHalfAnEvenSplits() {
        Summary summary = Summary.of(10, 0.030, 0.036, 60, 1_000_000, 25_000, 20261206L);
        assertEquals(0, summary.bestEliminated(), summary.toString());
        assertTrue(summary.meanRegretRatio() <= 0.5, summary.toString());
    }

    @Test
    void theBestOfOneHundredSimilarVariantsIsKeptAndRegretIsBelowHalfAnEvenSplits() {
        Summary summary = Summary.of(100, 0.030, 0.036, 12, 10_000_000, 250_000, 20261207L);
        assertEquals(0, summary.bestEliminated(), summary.toString());
        assertTrue(summary.meanRegretRatio() <= 0.5, summary.toString());
    }

    /**
     * The rule is not merely timid: five variants at 2 % among five at 3.0 - 3.6 % are stopped, and the best
     * never is.
     */
    @Test
    void clearLosersAreEliminatedAndTheBestIsKept() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        int runs = 20;
        int losersEliminated = 0;
        for (int r = 0; r < runs; r++) {
            double[] rates = {0.033, 0.020, 0.030, 0.020, 0.0345, 0.020, 0.036, 0.020, 0.0315, 0.020};
            AllocationPolicy keepGoing = new AllocationPolicy(500, 0.01, 0.1, false, 0.5, 0.01, 1.0, 0.0);
            BanditSimulation.Outcome outcome = BanditSimulation.run(rates, 0, keepGoing, 1_000_000, 25_000, rng);
            assertTrue(!outcome.bestEliminated(), "run " + r + ": " + outcome);
            losersEliminated += outcome.eliminatedAt(rates, 0.020);
        }
        assertTrue(losersEliminated >= 0.8 * 5 * runs, "only " + losersEliminated + " of " + 5 * runs
                + " variants at 2 % were eliminated");
    }

    /**
     * The least favourable case for the guarantee: ten equally good variants, so that every elimination eliminates
     * a best variant, and a greedy allocation that gives 90 % of each batch to whichever variant looks best so far
     * (the guarantee holds for any allocation; this one maximises the winner's curse). With the default error rate
     * of 1 %, no more than 1 % of 500 runs may eliminate one. The harness has teeth: ordinary 99 % intervals
     * compared at every look, the fixed-horizon version of the same rule, eliminate one in far more runs.
     */
    @Test
    void eliminatingAnyOfTenEquallyGoodVariantsStaysWithinTheErrorRate() {
        EliminationRule rule = new EliminationRule(new AllocationPolicy(500, 0.01, 0.1, false, 0.5, 0.01, 1.0, 0.0));
        int errors = NullSimulation.runsWithAnElimination(
                evidence -> !rule.judge(evidence, IntStream.range(0, evidence.size()).boxed().toList(), Set.of(0))
                        .eliminated().isEmpty(), 500, 11L);
        assertTrue(errors <= 5, errors + " of 500 runs eliminated an equally good variant");
        int fixedHorizonErrors = NullSimulation.runsWithAnElimination(NullSimulation::ordinaryIntervalsSeparate,
                500, 11L);
        assertTrue(fixedHorizonErrors >= 50, "ordinary intervals eliminated in only " + fixedHorizonErrors + " runs");
    }

    /** Runs of the scenario: rates spread evenly over [low, high], shuffled, control never the best. */
    record Summary(int variants, int runs, int bestEliminated, int eliminated, int winners, int wrongWinners,
                   double meanRegretRatio, double worstRegretRatio) {

        static Summary of(int variants, double low, double high, int runs, long horizon, int batch, long seed) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            int bestEliminated = 0;
            int eliminated = 0;
            int winners = 0;
            int wrongWinners = 0;
            double[] ratios = new double[runs];
            for (int r = 0; r < runs; r++) {
                double[] rates = BanditSimulation.evenlySpreadRates(variants, low, high, rng);
                BanditSimulation.Outcome outcome = BanditSimulation.run(rates, 0, AllocationPolicy.DEFAULT, horizon,
                        batch, rng);
                bestEliminated += outcome.bestEliminated() ? 1 : 0;
                eliminated += outcome.eliminated();
                winners += outcome.winner() >= 0 ? 1 : 0;
                wrongWinners += outcome.winner() >= 0 && rates[outcome.winner()] < high ? 1 : 0;
                ratios[r] = outcome.regretRatio();
            }
            return new Summary(variants, runs, bestEliminated, eliminated, winners, wrongWinners,
                    Arrays.stream(ratios).average().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
        }
    }

    /** Ten variants converting at 3 %, a greedy allocation, and the real {@link EliminationRule} after each batch. */
    static final class NullSimulation {

        /** @param eliminates whether a rule would stop some variant (other than the control, index 0) */
        static int runsWithAnElimination(Predicate<List<VariantEvidence>> eliminates, int runs, long seed) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            int variants = 10;
            double rate = 0.03;
            int runsWithError = 0;
            for (int r = 0; r < runs; r++) {
                long[] exposures = new long[variants];
                long[] conversions = new long[variants];
                Arrays.fill(exposures, 500);
                for (int i = 0; i < variants; i++) {
                    conversions[i] = BanditSimulation.binomial(500, rate, rng);
                }
                boolean eliminated = false;
                for (int look = 0; look < 40 && !eliminated; look++) {
                    List<VariantEvidence> evidence = new ArrayList<>();
                    int leader = 0;
                    for (int i = 0; i < variants; i++) {
                        evidence.add(new VariantEvidence("v" + i,
                                BetaPosterior.afterObserving(conversions[i], exposures[i]),
                                exposures[i], true));
                        if ((double) conversions[i] / exposures[i] > (double) conversions[leader] / exposures[leader]) {
                            leader = i;
                        }
                    }
                    eliminated = eliminates.test(evidence);
                    for (int i = 0; i < variants; i++) {
                        long shown = i == leader ? 4_500 : 500 / (variants - 1) + (i < 500 % (variants - 1) ? 1 : 0);
                        exposures[i] += shown;
                        conversions[i] += BanditSimulation.binomial(shown, rate, rng);
                    }
                }
                runsWithError += eliminated ? 1 : 0;
            }
            return runsWithError;
        }

        /** Some variant's 99 % Wald interval lies wholly below another's, the control's apart. */
        static boolean ordinaryIntervalsSeparate(List<VariantEvidence> evidence) {
            double z = 2.5758293035489004;
            double highestLow = Double.NEGATIVE_INFINITY;
            double[] high = new double[evidence.size()];
            for (int i = 0; i < evidence.size(); i++) {
                double rate = evidence.get(i).posterior().mean();
                double error = z * evidence.get(i).posterior().standardDeviation();
                highestLow = Math.max(highestLow, rate - error);
                high[i] = rate + error;
            }
            for (int i = 1; i < high.length; i++) {
                if (high[i] < highestLow) {
                    return true;
                }
            }
            return false;
        }
    }
}
