package io.mops.testing.experiment;

import io.mops.common.clearance.Clearance;
import io.mops.common.clearance.ClearanceReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What testing-service does when a campaign's clearance changes (the launch package hears it): a clearance starts the
 * experiments waiting for it. A revocation changes nothing here: waiting experiments keep waiting, running ones keep
 * running (a revocation stops only a paused one from resuming, see {@code LaunchGate}).
 */
@ApplicationScoped
public class AwaitingClearance implements ClearanceReadModel.Follower {

    private final ExperimentService experiments;

    public AwaitingClearance(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Override
    public Uni<Void> changed(Clearance before, Clearance after) {
        return after.cleared() ? experiments.startAwaiting(after).replaceWithVoid() : Uni.createFrom().voidItem();
    }
}
