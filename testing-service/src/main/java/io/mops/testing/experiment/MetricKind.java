package io.mops.testing.experiment;

/** How an experiment's primary metric is measured per exposed unit. */
public enum MetricKind {
    /** Did the unit convert (at least one outcome)? Compared as rates with Beta posteriors and z tests. */
    BINARY,
    /** The sum of the unit's outcome values (revenue, say; zero without outcome). Compared as means. */
    CONTINUOUS
}
