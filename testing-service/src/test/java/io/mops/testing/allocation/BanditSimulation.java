package io.mops.testing.allocation;

import io.mops.testing.statistics.BetaPosterior;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded market with known conversion rates, served in batches that the real {@link ThompsonAllocator} re-weights
 * after each one, exactly as the service does at every re-weighting: the truth is known, so whether the best
 * variant was eliminated and how much the bandit lost against always showing it are measured, not estimated.
 * <p>
 * Each batch is spread over the variants in proportion to the current shares (randomised rounding: sticky hashing
 * splits real traffic almost exactly by the shares), and each variant's conversions are an exact binomial draw of
 * its rate. Once a winner is declared the experiment is over and every later visitor sees the winner.
 */
final class BanditSimulation {

    private BanditSimulation() {
    }

    /**
     * @param bestEliminated   the variant with the highest true rate was eliminated at some re-weighting
     * @param eliminated       how many variants were eliminated
     * @param regret           conversions expected to be lost against always showing the best variant
     * @param evenSplitRegret  the same for an even split of the same visitors
     * @param winner           the declared winner's index, or -1
     */
    record Outcome(boolean bestEliminated, int eliminated, double regret, double evenSplitRegret, int winner,
                   boolean[] stopped) {

        double regretRatio() {
            return regret / evenSplitRegret;
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
        int arms = rates.length;
        int best = 0;
        for (int i = 1; i < arms; i++) {
            if (rates[i] > rates[best]) {
                best = i;
            }
        }
        double bestRate = rates[best];
        ThompsonAllocator allocator = new ThompsonAllocator(policy);
        long[] exposures = new long[arms];
        long[] conversions = new long[arms];
        boolean[] live = new boolean[arms];
        Arrays.fill(live, true);
        boolean[] stopped = new boolean[arms];
        double[] weights = new double[arms];
        Arrays.fill(weights, 1.0 / arms);
        double regret = 0.0;
        boolean bestEliminated = false;
        int eliminated = 0;
        int winner = -1;
        long served = 0;
        for (long batches = 0; batches < horizon / batch; batches++) {
            if (winner >= 0) {
                regret += batch * (bestRate - rates[winner]);
                served += batch;
                continue;
            }
            for (int i = 0; i < arms; i++) {
                long shown = (long) Math.floor(weights[i] * batch + rng.nextDouble());
                exposures[i] += shown;
                served += shown;
                conversions[i] += binomial(shown, rates[i], rng);
                regret += shown * (bestRate - rates[i]);
            }
            List<VariantEvidence> evidence = new ArrayList<>(arms);
            for (int i = 0; i < arms; i++) {
                evidence.add(new VariantEvidence("v" + i, BetaPosterior.afterObserving(conversions[i], exposures[i]),
                        exposures[i], live[i]));
            }
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
            }
        }
        double evenSplitRegret = served * (bestRate - Arrays.stream(rates).average().orElseThrow());
        return new Outcome(bestEliminated, eliminated, regret, evenSplitRegret, winner, stopped);
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
