package io.mops.testing.allocation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulations of {@link BanditEliminationSimulationTest} with enough runs (400) that, without an error, the
 * error rate's 95 % Clopper-Pearson interval lies below 1 %, and the rule the issue measured for comparison. Minutes, not seconds:
 * excluded from the default build (tag {@code long-simulation}); run it with
 * <pre>./mvnw -pl testing-service -am test -Dtest=BanditEliminationLongSimulationTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups=none</pre>
 * It prints one line per scenario; docs/testing.md records them.
 */
@Tag("long-simulation")
class BanditEliminationLongSimulationTest {

    @Test
    void theBestOfTenSimilarVariantsIsKeptInFourHundredRuns() {
        check(BanditEliminationSimulationTest.Summary.of(10, 0.030, 0.036, 400, 1_000_000, 25_000, 1L));
    }

    @Test
    void theBestOfOneHundredSimilarVariantsIsKeptInFourHundredRuns() {
        check(BanditEliminationSimulationTest.Summary.of(100, 0.030, 0.036, 400, 10_000_000, 250_000, 2L));
    }

    @Test
    void theBestOfTenSimilarVariantsIsKeptUnderDriftInFourHundredRuns() {
        check(BanditEliminationSimulationTest.Summary.ofDrift(10, 400, 1_000_000, 25_000, false, 5L));
    }

    @Test
    void theBestOfOneHundredSimilarVariantsIsKeptUnderDriftInFourHundredRuns() {
        check(BanditEliminationSimulationTest.Summary.ofDrift(100, 400, 10_000_000, 250_000, false, 6L));
    }

    /**
     * Winners that are declared, and whether each is the best: the best raised to 4.2 % among 3.0 - 3.6 %. The
     * chance of a wrong winner is bounded by the error rate (1 %) whatever the rates; here it is measured per run
     * and per declared winner.
     */
    @Test
    void declaredWinnersAreTheBestInFourHundredRuns() {
        BanditEliminationSimulationTest.Summary ten =
                BanditEliminationSimulationTest.Summary.ofOneAhead(10, 0.042, 400, 1_000_000, 25_000, 7L);
        BanditEliminationSimulationTest.Summary hundred =
                BanditEliminationSimulationTest.Summary.ofOneAhead(100, 0.042, 400, 10_000_000, 250_000, 8L);
        for (BanditEliminationSimulationTest.Summary summary : List.of(ten, hundred)) {
            print("best at 4.2 %, ", summary);
            System.out.printf(Locale.ROOT, "  wrong winners: %d of %d declared (95 %% interval %s), %d of %d runs "
                            + "(%s)%n", summary.wrongWinners(), summary.winners(),
                    interval(summary.wrongWinners(), summary.winners()), summary.wrongWinners(), summary.runs(),
                    interval(summary.wrongWinners(), summary.runs()));
            assertTrue(summary.wrongWinners() <= 0.01 * summary.runs(), summary.toString());
            assertTrue(summary.bestLost() <= 0.01 * summary.runs(), summary.toString());
        }
    }

    /** The same drift with every variant's data pooled over the periods: the rule is fooled. */
    @Test
    void pooledDataLoseTheBestUnderDrift() {
        BanditEliminationSimulationTest.Summary summary =
                BanditEliminationSimulationTest.Summary.ofDrift(10, 400, 1_000_000, 25_000, true, 5L);
        print("pooled over periods, drift, ", summary);
        assertTrue(summary.bestLost() > 0.01 * summary.runs(), summary.toString());
    }

    /**
     * What weighting by period costs Thompson sampling when nothing drifts: the stable scenarios (same seeds as
     * above) with every variant's data pooled over the periods. For comparison only; pooling is what the service
     * must not do when the base rate moves.
     */
    @Test
    void regretOnPooledCountsForComparison() {
        print("pooled over periods, stable, ", BanditEliminationSimulationTest.Summary.of(10, 0.030, 0.036, 400,
                1_000_000, 25_000, true, 1L));
        print("pooled over periods, stable, ", BanditEliminationSimulationTest.Summary.of(100, 0.030, 0.036, 100,
                10_000_000, 250_000, true, 2L));
    }

    @Test
    void noneOfTenEquallyGoodVariantsIsLostMoreOftenThanTheErrorRateInFiveThousandRuns() {
        int runs = 5000;
        BanditEliminationSimulationTest.NullSimulation.Losses losses = BanditEliminationSimulationTest.NullSimulation
                .run(BanditEliminationSimulationTest.NullSimulation.rule(AllocationPolicy.DEFAULT), runs, 3L);
        BanditEliminationSimulationTest.NullSimulation.Losses ordinary = BanditEliminationSimulationTest.NullSimulation
                .run(BanditEliminationSimulationTest.NullSimulation.ordinaryTests(AllocationPolicy.DEFAULT), runs, 3L);
        int most = losses.mostOftenLost();
        System.out.printf(Locale.ROOT, "ten equally good variants, greedy allocation: the variant lost most often was "
                        + "lost in %d of %d runs (95 %% interval %s), some variant in %d (%s); ordinary z tests at the "
                        + "same level: %d (%s), some variant in %d%n", most, runs, interval(most, runs),
                losses.runsLosingAny(), interval(losses.runsLosingAny(), runs), ordinary.mostOftenLost(),
                interval(ordinary.mostOftenLost(), runs), ordinary.runsLosingAny());
        assertTrue(most <= 0.01 * runs, losses.toString());
    }

    /**
     * The rule the issue measured: at the first re-weighting after a burn-in of 500, eliminate every variant whose
     * chance to be best is below 0.001 (the control and the leader excepted).
     */
    @Test
    void theChanceToBeBestRuleLosesTheBestOfOneHundredSimilarVariants() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        int runs = 100;
        int bestLost = 0;
        int eliminated = 0;
        AllocationPolicy noElimination = new AllocationPolicy(500, 0.01, 0.1, false, 0.5, 0.0, 1.0, 0.0);
        for (int r = 0; r < runs; r++) {
            double[] rates = BanditSimulation.evenlySpreadRates(100, 0.030, 0.036, rng);
            List<VariantEvidence> evidence = new ArrayList<>();
            int best = 0;
            for (int i = 0; i < rates.length; i++) {
                evidence.add(VariantEvidence.ofConversions("v" + i, BanditSimulation.binomial(500, rates[i], rng), 500,
                        true));
                best = rates[i] > rates[best] ? i : best;
            }
            AllocationDecision decision = new ThompsonAllocator(noElimination).decide(evidence, 0);
            String leader = decision.chanceToBeBest().entrySet().stream()
                    .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
            for (var chance : decision.chanceToBeBest().entrySet()) {
                if (chance.getValue() < 0.001 && !chance.getKey().equals("v0") && !chance.getKey().equals(leader)) {
                    eliminated++;
                    bestLost += chance.getKey().equals("v" + best) ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "chance-to-be-best < 0.001 at the first re-weighting, 100 variants: the best "
                + "eliminated in %d of %d runs (95 %% interval %s), %.1f variants eliminated per run%n", bestLost,
                runs, interval(bestLost, runs), (double) eliminated / runs);
        assertTrue(bestLost > 0.01 * runs, "the old rule was expected to lose the best variant often");
    }

    private static void check(BanditEliminationSimulationTest.Summary summary) {
        print("", summary);
        assertTrue(summary.bestLost() <= 0.01 * summary.runs(), summary.toString());
        assertTrue(summary.meanRegretRatio() <= 0.5, summary.toString());
    }

    private static void print(String scenario, BanditEliminationSimulationTest.Summary summary) {
        System.out.printf(Locale.ROOT, "%s%d variants: best lost in %d of %d runs (95 %% interval %s; eliminated %d, "
                        + "passed over by a winner %d); %.2f variants eliminated per run; winner declared in %d runs; "
                        + "regret / even split's: mean %.3f, worst %.3f%n", scenario, summary.variants(),
                summary.bestLost(), summary.runs(), interval(summary.bestLost(), summary.runs()),
                summary.bestEliminated(), summary.wrongWinners(), (double) summary.eliminated() / summary.runs(),
                summary.winners(), summary.meanRegretRatio(), summary.worstRegretRatio());
    }

    /** Exact (Clopper-Pearson) 95 % interval of a binomial proportion, from Beta quantiles. */
    static String interval(int successes, int trials) {
        double low = successes == 0 ? 0.0
                : BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(0.025);
        double high = successes == trials ? 1.0
                : BetaDistribution.of(successes + 1.0, trials - successes).inverseCumulativeProbability(0.975);
        return String.format(Locale.ROOT, "%.2f-%.2f %%", 100 * low, 100 * high);
    }
}
