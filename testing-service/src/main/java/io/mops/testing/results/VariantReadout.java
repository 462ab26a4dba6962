package io.mops.testing.results;

import io.mops.testing.statistics.BayesianVerdict;
import io.mops.testing.statistics.SignificanceTest;

/**
 * Every figure for one variant.
 *
 * @param mean                 conversion rate (binary) or mean value per exposed unit (continuous)
 * @param bayesian             {@code null} when a continuous metric has fewer than 2 units in this variant or the
 *                             control
 * @param againstControl       fixed-horizon test against the control; {@code null} for the control itself and
 *                             when there is not enough data
 * @param holmPValue           {@code againstControl.pValue} adjusted for all variants at once (family-wise)
 * @param benjaminiHochbergPValue adjusted for all variants at once (false discovery rate)
 * @param alwaysValidPValue    mSPRT p-value, safe to read at every look
 */
public record VariantReadout(String variantKey, boolean live, long exposures, Long conversions, double mean,
                             BayesianVerdict bayesian, SignificanceTest againstControl, Double holmPValue,
                             Double benjaminiHochbergPValue, Double alwaysValidPValue) {
}
