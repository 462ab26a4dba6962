package io.mops.testing.results;

import io.mops.testing.allocation.VariantTally;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
import io.mops.testing.statistics.MixtureSequentialTest;
import io.mops.testing.statistics.PeriodWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Guardrails are rates of harm (unsubscribes, complaints) where higher is worse. A variant breaches one when its
 * rate is above the control's and the always-valid mSPRT p-value is below the threshold: guardrails are checked
 * at every re-weighting, so only a test that tolerates repeated looks keeps false alarms at the nominal rate.
 * <p>
 * Rates are weighted by allocation period over the periods the variant and the control ran side by side
 * ({@link PeriodWeights}). The p-value is the running minimum over the looks at which the variant's rate was the
 * higher one: a look at which it was lower is no evidence of harm, and leaving it out keeps the test one-sided
 * without losing validity (the minimum over fewer looks is never below the minimum over all of them).
 *
 * @param threshold p-value below which a worse rate counts as a breach
 */
public record GuardrailCheck(double threshold) {

    public static final GuardrailCheck DEFAULT = new GuardrailCheck(0.01);

    /** With the default mixing scale and no earlier looks. */
    public List<GuardrailReadout> check(List<VariantTally> variants, int controlIndex, List<GuardrailTally> guardrails) {
        double tau = SequentialPlan.atStart(MetricKind.BINARY, null, null, SequentialPlan.Defaults.DEFAULT)
                .guardrailMixingScale();
        return check(variants, controlIndex, guardrails, tau, Map.of());
    }

    /**
     * @param tau            the guardrails' mixing scale, fixed when the experiment started
     * @param previousMinima reported p-values of earlier looks, by {@link #comparisonKey}
     */
    public List<GuardrailReadout> check(List<VariantTally> variants, int controlIndex, List<GuardrailTally> guardrails,
                                        double tau, Map<String, Double> previousMinima) {
        List<GuardrailReadout> readouts = new ArrayList<>();
        VariantTally control = variants.get(controlIndex);
        PeriodWeights weights = ExperimentAnalysis.periodWeights(variants);
        long[] controlExposures = control.exposuresByPeriod();
        for (GuardrailTally guardrail : guardrails) {
            long[] controlEvents = guardrail.unitsWithEventByPeriod()[controlIndex];
            for (int i = 0; i < variants.size(); i++) {
                if (i == controlIndex) {
                    continue;
                }
                VariantTally variant = variants.get(i);
                long[] exposures = variant.exposuresByPeriod();
                boolean[] shared = PeriodWeights.shared(controlExposures, exposures);
                PeriodWeights.EffectiveCounts controlRate = weights.conversionRate(controlExposures, controlEvents,
                        shared);
                PeriodWeights.EffectiveCounts rate = weights.conversionRate(exposures,
                        guardrail.unitsWithEventByPeriod()[i], shared);
                double now = MixtureSequentialTest.forProportions(controlRate.conversions(), controlRate.exposures(),
                        rate.conversions(), rate.exposures(), tau);
                boolean worse = rate.rate() > controlRate.rate();
                Double previous = previousMinima.get(comparisonKey(guardrail.metric(), variant.variantKey()));
                double pValue = worse ? MixtureSequentialTest.runningMinimum(previous, now)
                        : previous == null ? 1.0 : previous;
                readouts.add(new GuardrailReadout(guardrail.metric(), variant.variantKey(), rate.rate(),
                        controlRate.rate(), pValue, worse && pValue < threshold));
            }
        }
        return readouts;
    }

    /** How a comparison's running minimum is filed: the metric and the variant compared with the control. */
    public static String comparisonKey(String metric, String variantKey) {
        return metric + "/" + variantKey;
    }
}
