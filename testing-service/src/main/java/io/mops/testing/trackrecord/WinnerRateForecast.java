package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * What a declared winner's conversion rate should be once it is served to everyone, as a forecast a realised rate can
 * be held to: the winner's Beta posterior at the conclusion ({@code alpha} = prior + converted units,
 * {@code beta} = prior + units that did not convert).
 *
 * <p>The realised value is a rate OBSERVED on a finite number of units after the conclusion, not the true rate, so its
 * honest 90 % interval is the posterior predictive of that observed rate: the number converting among {@code n} new
 * units is beta-binomial({@code n}, α, β), and the interval is its 5 % and 95 % quantiles divided by {@code n}. The
 * posterior's own credible interval for the rate would be too narrow for small {@code n} (it leaves out the sampling
 * noise of the realised units) — with it, even a perfectly calibrated model would miss more than one time in ten.
 * While nothing is realised yet, the forecast is the posterior's 90 % credible interval for the rate (the limit of
 * the predictive as {@code n} grows).
 *
 * <p>The beta-binomial is summed here, in plain Java, because Commons Statistics has no beta-binomial: the
 * probabilities follow from P(k+1)/P(k) = (n−k)(k+α) / ((k+1)(n−k−1+β)), accumulated on the log scale and
 * normalised, which needs no gamma function and does not overflow.
 */
public final class WinnerRateForecast {

    private static final double TAIL = (1 - Forecast.LEVEL) / 2;

    private WinnerRateForecast() {
    }

    /** The posterior mean rate with the posterior's 90 % credible interval: the forecast before any unit is realised. */
    public static Forecast ofRate(double alpha, double beta) {
        check(alpha, beta);
        BetaDistribution posterior = BetaDistribution.of(alpha, beta);
        return Forecast.withInterval(alpha / (alpha + beta), posterior.inverseCumulativeProbability(TAIL),
                posterior.inverseCumulativeProbability(1 - TAIL));
    }

    /** The posterior mean rate with the 90 % predictive interval of the rate observed on {@code units} new units. */
    public static Forecast observedOn(double alpha, double beta, long units) {
        check(alpha, beta);
        if (units < 1 || units > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("a rate is observed on 1 to 2^31 − 2 units, not " + units);
        }
        int n = (int) units;
        double[] logWeight = new double[n + 1];
        double max = 0;
        for (int k = 0; k < n; k++) {
            logWeight[k + 1] = logWeight[k] + Math.log(n - k) + Math.log(k + alpha) - Math.log(k + 1)
                    - Math.log(n - k - 1 + beta);
            max = Math.max(max, logWeight[k + 1]);
        }
        double total = 0;
        double[] p = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            p[k] = Math.exp(logWeight[k] - max);
            total += p[k];
        }
        int low = quantile(p, total, TAIL);
        int high = quantile(p, total, 1 - TAIL);
        return Forecast.withInterval(alpha / (alpha + beta), (double) low / n, (double) high / n);
    }

    /** The smallest k with P(X ≤ k) ≥ q. */
    private static int quantile(double[] p, double total, double q) {
        double cumulative = 0;
        for (int k = 0; k < p.length; k++) {
            cumulative += p[k] / total;
            if (cumulative >= q - 1e-12) {
                return k;
            }
        }
        return p.length - 1;
    }

    private static void check(double alpha, double beta) {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("a Beta posterior needs α, β > 0, got " + alpha + ", " + beta);
        }
    }
}
