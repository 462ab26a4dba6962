package io.mops.common.time;

import io.smallrye.mutiny.Uni;

/**
 * Periodic work whose decisions depend on the platform's time (expiries, pacing sweeps, publication of completed
 * periods, re-weighting cadences). Its own {@code @Scheduled} trigger calls {@link #runDue()} in real time; when the
 * simulator moves the clock, every such job runs once, in {@link #order()}, before the move is answered — so a
 * simulated day sees the same work as a real one, deterministically. Jobs decide what is due from the injected
 * {@link java.time.Clock}, never from the wall clock.
 */
public interface ClockDrivenJob {

    /** A stable name for logs and the clock's answer. */
    String name();

    /** Does whatever is due at the clock's current time. */
    Uni<Void> runDue();

    /** Lower runs first when the simulated clock moves. */
    default int order() {
        return 100;
    }
}
