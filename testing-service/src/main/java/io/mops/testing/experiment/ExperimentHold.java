package io.mops.testing.experiment;

import io.smallrye.mutiny.Uni;

/**
 * Something outside the experiment's own lifecycle that can keep it from running: the risk guard's containment
 * ({@code io.mops.testing.containment}). An interface here, implemented there, because the containment pauses and
 * resumes experiments through this package and this package must not depend on it in turn.
 */
public interface ExperimentHold {

    /** Fails with a 409 problem saying why when {@code experiment} may not go to RUNNING now. Inside a session. */
    Uni<Void> requireFree(Experiment experiment);
}
