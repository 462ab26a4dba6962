package io.mops.testing.results;

import io.mops.testing.experiment.Experiment;

/** An experiment's results as served: what it is, where it stands, and the full statistical reading. */
public record ResultsView(String experiment, Experiment.Status status, String metric, int allocationVersion,
                          String winner, ExperimentReadout readout) {
}
