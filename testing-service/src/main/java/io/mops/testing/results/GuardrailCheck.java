package io.mops.testing.results;

import io.mops.testing.statistics.MixtureSequentialTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Guardrails are rates of harm (unsubscribes, complaints) where higher is worse. A variant breaches one when its
 * rate is above the control's and the always-valid mSPRT p-value is below the threshold: guardrails are checked
 * at every re-weighting, so only a test that tolerates repeated looks keeps false alarms at the nominal rate.
 *
 * @param threshold                p-value below which a worse rate counts as a breach
 * @param relativeEffectOfInterest mSPRT mixing scale as a fraction of the control's rate
 */
public record GuardrailCheck(double threshold, double relativeEffectOfInterest) {

    /** Tuned to notice a doubling of the harm rate fastest. */
    public static final GuardrailCheck DEFAULT = new GuardrailCheck(0.01, 1.0);

    /** A floor on the rate that scales tau, so that a control without any event yet still gives a usable test. */
    private static final double RATE_FLOOR = 0.001;

    public List<GuardrailReadout> check(List<VariantTally> variants, int controlIndex, List<GuardrailTally> guardrails) {
        List<GuardrailReadout> readouts = new ArrayList<>();
        VariantTally control = variants.get(controlIndex);
        for (GuardrailTally guardrail : guardrails) {
            long controlEvents = guardrail.unitsWithEvent()[controlIndex];
            double controlRate = rate(controlEvents, control.exposures());
            double tau = relativeEffectOfInterest * Math.max(controlRate, RATE_FLOOR);
            for (int i = 0; i < variants.size(); i++) {
                if (i == controlIndex) {
                    continue;
                }
                VariantTally variant = variants.get(i);
                long events = guardrail.unitsWithEvent()[i];
                double rate = rate(events, variant.exposures());
                double pValue = MixtureSequentialTest.forProportions(controlEvents, control.exposures(), events,
                        variant.exposures(), tau);
                readouts.add(new GuardrailReadout(guardrail.metric(), variant.variantKey(), rate, controlRate, pValue,
                        rate > controlRate && pValue < threshold));
            }
        }
        return readouts;
    }

    private static double rate(long events, long exposures) {
        return exposures == 0 ? 0.0 : (double) events / exposures;
    }
}
