package io.mops.testing.allocation;

import io.mops.testing.experiment.MetricKind;
import io.mops.testing.results.ExperimentAnalysis;
import io.mops.testing.statistics.BetaPosterior;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded market with known conversion rates, served in batches that the real {@link ThompsonAllocator} re-weights
 * after each one, exactly as the service does at every re-weighting: each batch is one allocation period, and the
 * bandit sees each variant's posterior weighted by period and its data per period, as
 * {@link ExperimentAnalysis#evidence} builds them for the service. The truth is known, so whether the best variant
 * was lost and how much the bandit lost against always showing it are measured, not estimated.
 * <p>
 * Each batch is spread over the variants in proportion to the current shares (randomised rounding: sticky hashing
 * splits real traffic almost exactly by the shares), and each variant's conversions are an exact binomial draw of
 * its rate in that period. Once a winner is declared the experiment is over and every later visitor sees the
 * winner.
 */
final class BanditSimulation {

    private BanditSimulation() {
    }

    /** True conversion rates, which may move from period to period. */
    interface Market {

        int variants();

        double rate(int variant, int period);

        /** The variant that converts best in every period. */
        int best();

        /** The same rates in every period. */
        static Market stable(double[] rates) {
            return drifting(rates, period -> 1.0);
        }

        /** {@code rate(v, p) = multiplier(p) * rates[v]}: the base rate moves, the order of the variants does not. */
        static Market drifting(double[] rates, java.util.function.IntToDoubleFunction multiplier) {
            int best = 0;
            for (int i = 1; i < rates.length; i++) {
                best = rates[i] > rates[best] ? i : best;
            }
            int top = best;
            return new Market() {
                @Override
                public int variants() {
                    return rates.length;
                }

                @Override
                public double rate(int variant, int period) {
                    return multiplier.applyAsDouble(period) * rates[variant];
                }

                @Override
                public int best() {
                    return top;
                }
            };
        }
    }

    /**
     * @param bestEliminated   the best variant was eliminated at some re-weighting
     * @param eliminated       how many variants were eliminated
     * @param regret           conversions expected to be lost against always showing the best variant
     * @param evenSplitRegret  the same for an even split of the same visitors
     * @param winner           the declared winner's index, or -1
     * @param best             the best variant's index
     * @param winnerPosterior  the winner's posterior when it was declared, as the service stores its forecast;
     *                         {@code null} without a winner
     */
    record Outcome(boolean bestEliminated, int eliminated, double regret, double evenSplitRegret, int winner,
                   int best, boolean[] stopped, BetaPosterior winnerPosterior) {

        double regretRatio() {
            return regret / evenSplitRegret;
        }

        /** A winner other than the best was declared: the experiment concluded without it. */
        boolean wrongWinner() {
            return winner >= 0 && winner != best;
        }

        /** The best variant was dropped, by an elimination or by a wrong winner. */
        boolean bestLost() {
            return bestEliminated || wrongWinner();
        }

        /** How many variants with this true rate were eliminated. */
        int eliminatedAt(double[] rates, double rate) {
            int count = 0;
            for (int i = 0; i < rates.length; i++) {
                count += stopped[i] && rates[i] == rate ? 1 : 0;
            }
            return count;
        }
    }

    static Outcome run(double[] rates, int control, AllocationPolicy policy, long horizon, int batch,
                       UniformRandomProvider rng) {
        return run(Market.stable(rates), control, policy, horizon, batch, false, rng);
    }

    /**
     * @param pooled hand the bandit every variant's data as one period, as if the periods had been pooled: the
     *               comparison that shows what weighting and comparing by period protect against
     */
    static Outcome run(Market market, int control, AllocationPolicy policy, long horizon, int batch, boolean pooled,
                       UniformRandomProvider rng) {
        int arms = market.variants();
        int best = market.best();
        ThompsonAllocator allocator = new ThompsonAllocator(policy);
        List<List<PeriodTally>> periods = new ArrayList<>(arms);
        for (int i = 0; i < arms; i++) {
            periods.add(new ArrayList<>());
        }
        boolean[] live = new boolean[arms];
        Arrays.fill(live, true);
        boolean[] stopped = new boolean[arms];
        double[] weights = new double[arms];
        Arrays.fill(weights, 1.0 / arms);
        double regret = 0.0;
        double evenSplitRegret = 0.0;
        boolean bestEliminated = false;
        int eliminated = 0;
        int winner = -1;
        BetaPosterior winnerPosterior = null;
        for (int period = 0; period < horizon / batch; period++) {
            double bestRate = market.rate(best, period);
            double meanRate = 0.0;
            for (int i = 0; i < arms; i++) {
                meanRate += market.rate(i, period) / arms;
            }
            evenSplitRegret += batch * (bestRate - meanRate);
            if (winner >= 0) {
                regret += batch * (bestRate - market.rate(winner, period));
                continue;
            }
            for (int i = 0; i < arms; i++) {
                long shown = (long) Math.floor(weights[i] * batch + rng.nextDouble());
                double rate = market.rate(i, period);
                periods.get(i).add(new PeriodTally(shown, binomial(shown, rate, rng), 0.0, 0.0));
                regret += shown * (bestRate - rate);
            }
            List<VariantTally> tallies = new ArrayList<>(arms);
            for (int i = 0; i < arms; i++) {
                tallies.add(new VariantTally("v" + i, live[i], pooled ? List.of(pooled(periods.get(i)))
                        : periods.get(i)));
            }
            List<VariantEvidence> evidence = ExperimentAnalysis.evidence(MetricKind.BINARY, tallies);
            AllocationDecision decision = allocator.decide(evidence, control);
            for (int i = 0; i < arms; i++) {
                weights[i] = decision.weights().get("v" + i);
                if (decision.eliminated().containsKey("v" + i)) {
                    live[i] = false;
                    stopped[i] = true;
                    eliminated++;
                    bestEliminated |= i == best;
                }
            }
            if (decision.winner().isPresent()) {
                winner = Integer.parseInt(decision.winner().get().substring(1));
                winnerPosterior = (BetaPosterior) evidence.get(winner).posterior();
            }
        }
        return new Outcome(bestEliminated, eliminated, regret, evenSplitRegret, winner, best, stopped, winnerPosterior);
    }

    private static PeriodTally pooled(List<PeriodTally> periods) {
        long exposures = 0;
        long converted = 0;
        for (PeriodTally period : periods) {
            exposures += period.exposures();
            converted += period.converted();
        }
        return new PeriodTally(exposures, converted, 0.0, 0.0);
    }

    /**
     * Rates spread evenly from {@code low} to {@code high}, in an order shuffled by the seed; the control (index 0)
     * is never the best, since the control is protected from elimination and would hide an error.
     */
    static double[] evenlySpreadRates(int variants, double low, double high, UniformRandomProvider rng) {
        double[] rates = new double[variants];
        for (int i = 0; i < variants; i++) {
            rates[i] = low + (high - low) * i / (variants - 1);
        }
        for (int i = variants - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double swap = rates[i];
            rates[i] = rates[j];
            rates[j] = swap;
        }
        if (rates[0] == high) {
            rates[0] = rates[1];
            rates[1] = high;
        }
        return rates;
    }

    /**
     * Exact binomial draw by skipping from success to success: the failures before each success are geometric,
     * {@code floor(ln U / ln(1 - p))}. About {@code n p} steps, far cheaper than building a sampler per draw.
     */
    static long binomial(long trials, double probability, UniformRandomProvider rng) {
        if (trials == 0 || probability <= 0) {
            return 0;
        }
        if (probability >= 1) {
            return trials;
        }
        if (probability > 0.5) {
            return trials - binomial(trials, 1.0 - probability, rng);
        }
        double logFailure = Math.log1p(-probability);
        long successes = 0;
        long position = 0;
        while (true) {
            position += (long) Math.floor(Math.log(1.0 - rng.nextDouble()) / logFailure) + 1;
            if (position > trials) {
                return successes;
            }
            successes++;
        }
    }
}
