package io.mops.testing.results;

import io.mops.testing.experiment.Experiment;

import java.time.Instant;
import java.util.List;

/**
 * An experiment's results as served: what it is, where it stands, its allocation periods and the full statistical
 * reading.
 *
 * @param periods the allocation periods that have exposures, oldest first, with the weight each gets in every
 *                variant's estimate
 */
public record ResultsView(String experiment, Experiment.Status status, String metric, int allocationVersion,
                          String winner, List<Period> periods, ExperimentReadout readout) {

    /**
     * @param startedAt when the period's split took effect; {@code null} for periods of experiments started before
     *                  periods were recorded
     * @param exposures units first exposed in the period, all variants together
     * @param weight    the period's share of all exposures
     */
    public record Period(int allocationVersion, Instant startedAt, long exposures, double weight) {
    }
}
