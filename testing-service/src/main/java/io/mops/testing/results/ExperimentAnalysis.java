package io.mops.testing.results;

import io.mops.testing.allocation.AllocationPolicy;
import io.mops.testing.allocation.ThompsonAllocator;
import io.mops.testing.allocation.VariantEvidence;
import io.mops.testing.statistics.BayesianComparison;
import io.mops.testing.statistics.BayesianVerdict;
import io.mops.testing.statistics.BetaPosterior;
import io.mops.testing.statistics.MixtureSequentialTest;
import io.mops.testing.statistics.MultipleComparisons;
import io.mops.testing.statistics.NormalPosterior;
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
 *
 * @param confidenceLevel          of the confidence and credible intervals
 * @param relativeEffectOfInterest the mSPRT's mixing scale {@code tau} as a fraction of the control's mean: the
 *                                 size of relative uplift the sequential test should find fastest
 * @param guardrailCheck           when a guardrail counts as breached
 */
public record ExperimentAnalysis(double confidenceLevel, double relativeEffectOfInterest, AllocationPolicy policy,
                                 GuardrailCheck guardrailCheck) {

    public static final ExperimentAnalysis DEFAULT =
            new ExperimentAnalysis(0.95, 0.1, AllocationPolicy.DEFAULT, GuardrailCheck.DEFAULT);

    public ExperimentReadout analyse(MetricKind kind, List<VariantTally> tallies, int controlIndex,
                                     long[] exposuresSinceLastAllocation, double[] intendedShares) {
        return analyse(kind, tallies, controlIndex, exposuresSinceLastAllocation, intendedShares, List.of());
    }

    /**
     * @param exposuresSinceLastAllocation per variant, the exposures recorded under the current split
     * @param intendedShares               per variant, the effective shares of the current split
     */
    public ExperimentReadout analyse(MetricKind kind, List<VariantTally> tallies, int controlIndex,
                                     long[] exposuresSinceLastAllocation, double[] intendedShares,
                                     List<GuardrailTally> guardrails) {
        int size = tallies.size();
        VariantTally control = tallies.get(controlIndex);
        List<Posterior> posteriors = new ArrayList<>(size);
        boolean posteriorsAvailable = true;
        for (VariantTally tally : tallies) {
            Posterior posterior = posteriorOf(kind, tally);
            posteriorsAvailable &= posterior != null;
            posteriors.add(posterior);
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
            tests[i] = fixedHorizonTest(kind, control, tallies.get(i));
            sequential[i] = alwaysValidPValue(kind, control, tallies.get(i));
            if (tests[i] != null) {
                tested.add(i);
            }
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
                    kind == MetricKind.BINARY ? tally.converted() : null, meanOf(kind, tally),
                    verdicts == null ? null : verdicts.get(i), tests[i], holmByVariant[i], bhByVariant[i],
                    sequential[i]));
        }

        SampleRatioCheck sampleRatio = SampleRatioCheck.of(exposuresSinceLastAllocation, intendedShares);
        var recommendation = posteriorsAvailable ? new ThompsonAllocator(policy).decide(evidence(tallies, posteriors),
                controlIndex) : null;
        return new ExperimentReadout(kind, control.variantKey(), readouts, sampleRatio,
                guardrailCheck.check(tallies, controlIndex, guardrails), recommendation);
    }

    static Posterior posteriorOf(MetricKind kind, VariantTally tally) {
        if (kind == MetricKind.BINARY) {
            return BetaPosterior.afterObserving(tally.converted(), tally.exposures());
        }
        if (tally.exposures() < 2) {
            return null;
        }
        SampleSummary summary = summaryOf(tally);
        return NormalPosterior.ofSample(summary.units(), summary.mean(), summary.standardDeviation());
    }

    private SignificanceTest fixedHorizonTest(MetricKind kind, VariantTally control, VariantTally variant) {
        if (kind == MetricKind.BINARY) {
            if (control.exposures() == 0 || variant.exposures() == 0) {
                return null;
            }
            return TwoProportionTest.compare(control.converted(), control.exposures(), variant.converted(),
                    variant.exposures(), confidenceLevel);
        }
        if (control.exposures() < 2 || variant.exposures() < 2) {
            return null;
        }
        return WelchTest.compare(summaryOf(control), summaryOf(variant), confidenceLevel);
    }

    private Double alwaysValidPValue(MetricKind kind, VariantTally control, VariantTally variant) {
        if (kind == MetricKind.BINARY) {
            double controlRate = control.exposures() == 0 ? 0.0 : (double) control.converted() / control.exposures();
            // A floor keeps tau meaningful before the control has converted anyone.
            double tau = relativeEffectOfInterest * Math.max(controlRate, 0.01);
            return MixtureSequentialTest.forProportions(control.converted(), control.exposures(), variant.converted(),
                    variant.exposures(), tau);
        }
        if (control.exposures() < 2 || variant.exposures() < 2) {
            return null;
        }
        SampleSummary controlSummary = summaryOf(control);
        double scale = Math.abs(controlSummary.mean()) > 0 ? Math.abs(controlSummary.mean())
                : Math.max(controlSummary.standardDeviation(), 1e-9);
        return MixtureSequentialTest.forMeans(controlSummary, summaryOf(variant), relativeEffectOfInterest * scale);
    }

    private static double meanOf(MetricKind kind, VariantTally tally) {
        if (tally.exposures() == 0) {
            return 0.0;
        }
        return kind == MetricKind.BINARY ? (double) tally.converted() / tally.exposures()
                : tally.valueSum() / tally.exposures();
    }

    private static SampleSummary summaryOf(VariantTally tally) {
        return SampleSummary.ofSums(tally.exposures(), tally.valueSum(), tally.valueSumOfSquares());
    }

    private static List<VariantEvidence> evidence(List<VariantTally> tallies, List<Posterior> posteriors) {
        List<VariantEvidence> evidence = new ArrayList<>(tallies.size());
        for (int i = 0; i < tallies.size(); i++) {
            VariantTally tally = tallies.get(i);
            evidence.add(new VariantEvidence(tally.variantKey(), posteriors.get(i), tally.exposures(), tally.live()));
        }
        return evidence;
    }
}
