package io.mops.testing.results;

import io.mops.testing.allocation.AllocationPolicy;
import io.mops.testing.allocation.ThompsonAllocator;
import io.mops.testing.allocation.VariantEvidence;
import io.mops.testing.allocation.VariantTally;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
import io.mops.testing.statistics.BayesianComparison;
import io.mops.testing.statistics.BayesianVerdict;
import io.mops.testing.statistics.BetaPosterior;
import io.mops.testing.statistics.MixtureSequentialTest;
import io.mops.testing.statistics.MultipleComparisons;
import io.mops.testing.statistics.NormalPosterior;
import io.mops.testing.statistics.PeriodWeights;
import io.mops.testing.statistics.Posterior;
import io.mops.testing.statistics.SampleRatioCheck;
import io.mops.testing.statistics.SampleSummary;
import io.mops.testing.statistics.SignificanceTest;
import io.mops.testing.statistics.TwoProportionTest;
import io.mops.testing.statistics.WelchTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the statistics together for one experiment: Bayesian verdicts for every variant, a fixed-horizon test and
 * an always-valid mSPRT p-value against the control, Holm and Benjamini–Hochberg adjustments across all variants,
 * the sample ratio check, and what the bandit would do.
 * <p>
 * Every estimate is weighted by allocation period ({@link PeriodWeights}): a variant's posterior over the periods
 * it was shown in, a comparison with the control over the periods both were shown in. The bandit's permanent
 * decisions compare variants within each period instead (see {@link io.mops.testing.allocation.BestVariantRule}).
 *
 * @param confidenceLevel    of the confidence and credible intervals
 * @param guardrailCheck     when a guardrail counts as breached
 * @param sequentialDefaults the mixing scales of experiments that started without one fixed (before they were
 *                           stored) and of the overloads without a {@link SequentialPlan}
 */
public record ExperimentAnalysis(double confidenceLevel, AllocationPolicy policy, GuardrailCheck guardrailCheck,
                                 SequentialPlan.Defaults sequentialDefaults) {

    public static final ExperimentAnalysis DEFAULT = new ExperimentAnalysis(0.95, AllocationPolicy.DEFAULT,
            GuardrailCheck.DEFAULT, SequentialPlan.Defaults.DEFAULT);

    public ExperimentReadout analyse(MetricKind kind, List<VariantTally> tallies, int controlIndex,
                                     long[] exposuresSinceLastAllocation, double[] intendedShares) {
        return analyse(kind, tallies, controlIndex, exposuresSinceLastAllocation, intendedShares, List.of());
    }

    public ExperimentReadout analyse(MetricKind kind, List<VariantTally> tallies, int controlIndex,
                                     long[] exposuresSinceLastAllocation, double[] intendedShares,
                                     List<GuardrailTally> guardrails) {
        return analyse(kind, tallies, controlIndex, exposuresSinceLastAllocation, intendedShares, guardrails,
                SequentialPlan.atStart(kind, null, null, sequentialDefaults), EarlierLooks.NONE);
    }

    /**
     * @param exposuresSinceLastAllocation per variant, the exposures recorded under the current split
     * @param intendedShares               per variant, the effective shares of the current split
     * @param plan                         the always-valid tests' mixing scales, fixed when the experiment started
     * @param earlierLooks                 the always-valid p-values reported before
     */
    public ExperimentReadout analyse(MetricKind kind, List<VariantTally> tallies, int controlIndex,
                                     long[] exposuresSinceLastAllocation, double[] intendedShares,
                                     List<GuardrailTally> guardrails, SequentialPlan plan, EarlierLooks earlierLooks) {
        int size = tallies.size();
        PeriodWeights weights = periodWeights(tallies);
        VariantTally control = tallies.get(controlIndex);
        List<Posterior> posteriors = new ArrayList<>(size);
        double[] means = new double[size];
        boolean posteriorsAvailable = true;
        for (int i = 0; i < size; i++) {
            VariantTally tally = tallies.get(i);
            Posterior posterior = posteriorOf(kind, tally, weights);
            posteriorsAvailable &= posterior != null;
            posteriors.add(posterior);
            means[i] = weightedMean(kind, tally, weights);
        }
        List<BayesianVerdict> verdicts = posteriorsAvailable
                ? BayesianComparison.compare(posteriors, controlIndex, confidenceLevel)
                : null;

        SignificanceTest[] tests = new SignificanceTest[size];
        Double[] sequential = new Double[size];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i == controlIndex) {
                continue;
            }
            Comparison comparison = Comparison.of(kind, control, tallies.get(i), weights);
            if (comparison == null) {
                continue;
            }
            tests[i] = comparison.fixedHorizonTest(confidenceLevel);
            double now = comparison.alwaysValidPValue(plan);
            sequential[i] = MixtureSequentialTest.runningMinimum(
                    earlierLooks.primaryByVariant().get(tallies.get(i).variantKey()), now);
            tested.add(i);
        }
        double[] rawPValues = tested.stream().mapToDouble(i -> tests[i].pValue()).toArray();
        double[] holm = MultipleComparisons.holm(rawPValues);
        double[] benjaminiHochberg = MultipleComparisons.benjaminiHochberg(rawPValues);
        Double[] holmByVariant = new Double[size];
        Double[] bhByVariant = new Double[size];
        for (int t = 0; t < tested.size(); t++) {
            holmByVariant[tested.get(t)] = holm[t];
            bhByVariant[tested.get(t)] = benjaminiHochberg[t];
        }

        List<VariantReadout> readouts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            VariantTally tally = tallies.get(i);
            readouts.add(new VariantReadout(tally.variantKey(), tally.live(), tally.exposures(),
                    kind == MetricKind.BINARY ? tally.converted() : null, means[i], pooledMean(kind, tally),
                    verdicts == null ? null : verdicts.get(i), tests[i], holmByVariant[i], bhByVariant[i],
                    sequential[i]));
        }

        SampleRatioCheck sampleRatio = SampleRatioCheck.of(exposuresSinceLastAllocation, intendedShares);
        var recommendation = posteriorsAvailable
                ? new ThompsonAllocator(policy).decide(evidence(tallies, posteriors), controlIndex)
                : null;
        List<Double> periodWeights = new ArrayList<>(weights.periods());
        for (int p = 0; p < weights.periods(); p++) {
            periodWeights.add(weights.weight(p));
        }
        return new ExperimentReadout(kind, control.variantKey(), readouts, sampleRatio,
                guardrailCheck.check(tallies, controlIndex, guardrails, plan.guardrailMixingScale(),
                        earlierLooks.guardrailsByComparison()),
                recommendation, plan, periodWeights);
    }

    /** Each period's share of all exposures of every variant. */
    static PeriodWeights periodWeights(List<VariantTally> tallies) {
        int periods = tallies.getFirst().periods().size();
        long[] units = new long[periods];
        for (VariantTally tally : tallies) {
            if (tally.periods().size() != periods) {
                throw new IllegalArgumentException("every variant needs a tally for each of the " + periods
                        + " periods; " + tally.variantKey() + " has " + tally.periods().size());
            }
            for (int p = 0; p < periods; p++) {
                units[p] += tally.periods().get(p).exposures();
            }
        }
        return PeriodWeights.of(units);
    }

    private static Posterior posteriorOf(MetricKind kind, VariantTally tally, PeriodWeights weights) {
        boolean[] shown = PeriodWeights.shown(tally.exposuresByPeriod());
        if (kind == MetricKind.BINARY) {
            PeriodWeights.EffectiveCounts counts = weights.conversionRate(tally.exposuresByPeriod(),
                    tally.convertedByPeriod(), shown);
            return BetaPosterior.afterObserving(counts.conversions(), counts.exposures());
        }
        if (tally.exposures() < 2) {
            return null;
        }
        SampleSummary summary = weights.mean(tally.exposuresByPeriod(), tally.valueSumByPeriod(),
                tally.valueSumOfSquaresByPeriod(), shown);
        return NormalPosterior.ofSample(summary.units(), summary.mean(), summary.standardDeviation());
    }

    private static double weightedMean(MetricKind kind, VariantTally tally, PeriodWeights weights) {
        boolean[] shown = PeriodWeights.shown(tally.exposuresByPeriod());
        if (kind == MetricKind.BINARY) {
            return weights.conversionRate(tally.exposuresByPeriod(), tally.convertedByPeriod(), shown).rate();
        }
        return weights.mean(tally.exposuresByPeriod(), tally.valueSumByPeriod(), tally.valueSumOfSquaresByPeriod(),
                shown).mean();
    }

    private static double pooledMean(MetricKind kind, VariantTally tally) {
        if (tally.exposures() == 0) {
            return 0.0;
        }
        return kind == MetricKind.BINARY ? (double) tally.converted() / tally.exposures()
                : tally.valueSum() / tally.exposures();
    }

    private static List<VariantEvidence> evidence(List<VariantTally> tallies, List<Posterior> posteriors) {
        List<VariantEvidence> evidence = new ArrayList<>(tallies.size());
        for (int i = 0; i < tallies.size(); i++) {
            evidence.add(new VariantEvidence(posteriors.get(i), tallies.get(i)));
        }
        return evidence;
    }

    /**
     * What the bandit sees of these tallies: each variant's posterior weighted by period, and its data per period
     * (the same as {@link #analyse} hands to the bandit, for simulations that drive the bandit directly).
     */
    public static List<VariantEvidence> evidence(MetricKind kind, List<VariantTally> tallies) {
        PeriodWeights weights = periodWeights(tallies);
        List<Posterior> posteriors = new ArrayList<>(tallies.size());
        for (VariantTally tally : tallies) {
            Posterior posterior = posteriorOf(kind, tally, weights);
            if (posterior == null) {
                throw new IllegalArgumentException(tally.variantKey() + " has too few units for a posterior");
            }
            posteriors.add(posterior);
        }
        return evidence(tallies, posteriors);
    }

    /** A variant and the control over the periods both were shown in, weighted by period. */
    private sealed interface Comparison {

        static Comparison of(MetricKind kind, VariantTally control, VariantTally variant, PeriodWeights weights) {
            boolean[] shared = PeriodWeights.shared(control.exposuresByPeriod(), variant.exposuresByPeriod());
            if (kind == MetricKind.BINARY) {
                PeriodWeights.EffectiveCounts c = weights.conversionRate(control.exposuresByPeriod(),
                        control.convertedByPeriod(), shared);
                PeriodWeights.EffectiveCounts v = weights.conversionRate(variant.exposuresByPeriod(),
                        variant.convertedByPeriod(), shared);
                return c.exposures() > 0 && v.exposures() > 0 ? new Rates(c, v) : null;
            }
            if (control.exposures() < 2 || variant.exposures() < 2) {
                return null;
            }
            SampleSummary c = weights.mean(control.exposuresByPeriod(), control.valueSumByPeriod(),
                    control.valueSumOfSquaresByPeriod(), shared);
            SampleSummary v = weights.mean(variant.exposuresByPeriod(), variant.valueSumByPeriod(),
                    variant.valueSumOfSquaresByPeriod(), shared);
            return c.units() > 1 && v.units() > 1 ? new Means(c, v) : null;
        }

        SignificanceTest fixedHorizonTest(double confidenceLevel);

        double alwaysValidPValue(SequentialPlan plan);
    }

    private record Rates(PeriodWeights.EffectiveCounts control, PeriodWeights.EffectiveCounts variant)
            implements Comparison {

        @Override
        public SignificanceTest fixedHorizonTest(double confidenceLevel) {
            return TwoProportionTest.compare(control.conversions(), control.exposures(), variant.conversions(),
                    variant.exposures(), confidenceLevel);
        }

        @Override
        public double alwaysValidPValue(SequentialPlan plan) {
            return MixtureSequentialTest.forProportions(control.conversions(), control.exposures(),
                    variant.conversions(), variant.exposures(), plan.mixingScale());
        }
    }

    private record Means(SampleSummary control, SampleSummary variant) implements Comparison {

        @Override
        public SignificanceTest fixedHorizonTest(double confidenceLevel) {
            return WelchTest.compare(control, variant, confidenceLevel);
        }

        @Override
        public double alwaysValidPValue(SequentialPlan plan) {
            return plan.standardised()
                    ? MixtureSequentialTest.forStandardisedMeans(control, variant, plan.mixingScale())
                    : MixtureSequentialTest.forMeans(control, variant, plan.mixingScale());
        }
    }
}
