package io.mops.testing.results;

import io.mops.testing.statistics.BayesianVerdict;
import io.mops.testing.statistics.SignificanceTest;

/**
 * Every figure for one variant.
 *
 * @param mean                 conversion rate (binary) or mean value per exposed unit (continuous), weighted by
 *                             allocation period so that every variant is measured on the same mix of periods
 * @param pooledMean           the same over all units pooled, ignoring periods; differs from {@code mean} when
 *                             shares changed while the base rate moved (Simpson's paradox)
 * @param bayesian             {@code null} when a continuous metric has fewer than 2 units in this variant or the
 *                             control
 * @param againstControl       fixed-horizon test against the control over the periods both ran in; {@code null}
 *                             for the control itself and when there is not enough data
 * @param holmPValue           {@code againstControl.pValue} adjusted for all variants at once (family-wise)
 * @param benjaminiHochbergPValue adjusted for all variants at once (false discovery rate)
 * @param alwaysValidPValue    mSPRT p-value, the running minimum over every look so far: safe to read at every
 *                             look, and never higher than at an earlier look
 */
public record VariantReadout(String variantKey, boolean live, long exposures, Long conversions, double mean,
                             double pooledMean, BayesianVerdict bayesian, SignificanceTest againstControl,
                             Double holmPValue, Double benjaminiHochbergPValue, Double alwaysValidPValue) {
}
