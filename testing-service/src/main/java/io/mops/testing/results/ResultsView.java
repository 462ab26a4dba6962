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
 * @param rollout the units exposed since the experiment concluded with its winner, which the readout leaves out;
 *                {@code null} unless it concluded with a winner
 */
public record ResultsView(String experiment, Experiment.Status status, String metric, int allocationVersion,
                          String winner, List<Period> periods, ExperimentReadout readout, Rollout rollout) {

    /**
     * @param units           units first exposed after the conclusion, whatever variant was reported
     * @param winnerUnits     of them, units exposed to the winner: the track record's realisation
     * @param winnerConverted of those, units with at least one outcome of the primary metric
     */
    public record Rollout(long units, long winnerUnits, long winnerConverted) {
    }

    /**
     * @param startedAt when the period's split took effect; {@code null} for periods of experiments started before
     *                  periods were recorded
     * @param exposures units first exposed in the period, all variants together
     * @param weight    the period's share of all exposures
     */
    public record Period(int allocationVersion, Instant startedAt, long exposures, double weight) {
    }
}
