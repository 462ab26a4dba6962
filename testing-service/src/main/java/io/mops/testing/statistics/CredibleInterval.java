package io.mops.testing.statistics;

/**
 * A credible interval of one variant's metric: the posterior puts {@code level} of its probability between
 * {@code low} and {@code high}, half the rest on either side.
 */
public record CredibleInterval(double low, double high, double level) {
}
