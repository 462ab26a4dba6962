package io.mops.testing.statistics;

/**
 * A credible interval for a variant's relative uplift over the control, {@code variant / control - 1}
 * (0.05 reads "5 % better than control").
 */
public record UpliftInterval(double low, double estimate, double high, double level) {

    public boolean excludesZero() {
        return low > 0.0 || high < 0.0;
    }
}
