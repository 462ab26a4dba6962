package io.mops.testing.experiment;

/**
 * The mixing scales {@code tau} of an experiment's always-valid tests, fixed when it starts and never moved by
 * the data: Ville's inequality bounds the chance that one fixed mixture martingale ever crosses {@code 1/alpha},
 * and a {@code tau} recomputed from the observed means at every look would be a different martingale at every look.
 *
 * @param mixingScale          {@code tau} of the primary metric: in the metric's unit (conversion-rate points or
 *                             currency per unit), or in standard deviations of the per-unit value when
 *                             {@code standardised}
 * @param standardised         a continuous metric without a stated baseline: the test mixes over the standardised
 *                             effect (difference / pooled standard deviation), which needs no scale in advance
 * @param guardrailMixingScale {@code tau} of every guardrail's test, in rate points
 */
public record SequentialPlan(double mixingScale, boolean standardised, double guardrailMixingScale) {

    public SequentialPlan {
        if (!(mixingScale > 0) || Double.isInfinite(mixingScale)) {
            throw new IllegalArgumentException("mixingScale must be positive, was " + mixingScale);
        }
        if (!(guardrailMixingScale > 0) || Double.isInfinite(guardrailMixingScale)) {
            throw new IllegalArgumentException("guardrailMixingScale must be positive, was " + guardrailMixingScale);
        }
    }

    /**
     * {@code tau = minimum detectable effect x baseline}; without a stated baseline a binary metric takes the
     * configured baseline rate and a continuous one the configured standardised effect.
     *
     * @param baseline                the control's expected mean (conversion rate, or value per unit); may be null
     * @param minimumDetectableEffect the relative uplift worth finding; null for the configured default
     */
    public static SequentialPlan atStart(MetricKind kind, Double baseline, Double minimumDetectableEffect,
                                         Defaults defaults) {
        double effect = minimumDetectableEffect != null ? minimumDetectableEffect : defaults.relativeEffect();
        double guardrail = defaults.guardrailRelativeEffect() * defaults.guardrailBaselineRate();
        if (baseline != null) {
            return new SequentialPlan(effect * Math.abs(baseline), false, guardrail);
        }
        return kind == MetricKind.BINARY
                ? new SequentialPlan(effect * defaults.baselineRate(), false, guardrail)
                : new SequentialPlan(defaults.standardisedEffect(), true, guardrail);
    }

    /**
     * The configured defaults ({@code mops.testing.*}).
     *
     * @param relativeEffect          minimum detectable effect, relative to the baseline
     * @param baselineRate            expected conversion rate of a binary metric's control
     * @param standardisedEffect      effect, in standard deviations, of a continuous metric without a baseline
     * @param guardrailRelativeEffect rise of a guardrail's harm rate to find fastest, relative to its baseline
     * @param guardrailBaselineRate   expected harm rate of a guardrail
     */
    public record Defaults(double relativeEffect, double baselineRate, double standardisedEffect,
                           double guardrailRelativeEffect, double guardrailBaselineRate) {

        public static final Defaults DEFAULT = new Defaults(0.1, 0.03, 0.05, 1.0, 0.01);
    }
}
