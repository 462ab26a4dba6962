package io.mops.qa.forecast;

/**
 * A forecast of one rate: the posterior mean and a central credible interval, from the channel's prior updated with
 * the audience's own history.
 *
 * @param campaigns the campaigns of the same channel and audience the posterior learned from
 * @param trials    their exposures (click rate) or clicks (conversion rate)
 */
public record RateForecast(double rate, double low, double high, BetaBelief prior, BetaBelief posterior,
                           int campaigns, long trials) {

    /** The interval holds the rate with this probability. */
    public static final double CREDIBILITY = 0.90;

    public static RateForecast of(BetaBelief prior, int campaigns, long successes, long trials) {
        BetaBelief posterior = prior.observe(successes, trials);
        double tail = (1 - CREDIBILITY) / 2;
        return new RateForecast(posterior.mean(), posterior.quantile(tail), posterior.quantile(1 - tail), prior,
                posterior, campaigns, trials);
    }

    /** The probability that the rate reaches {@code target}. */
    public double chanceOfReaching(double target) {
        return posterior.chanceOfAtLeast(target);
    }
}
