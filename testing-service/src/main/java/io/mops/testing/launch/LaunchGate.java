package io.mops.testing.launch;

import io.mops.common.clearance.ClearanceReadModel;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.problem.ConflictProblem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Launch control in testing-service (issue 15): records qa-service's clearances per campaign and lets an experiment
 * that names a campaign run only while that campaign is cleared. Experiments that name no campaign are not gated.
 */
@ApplicationScoped
public class LaunchGate {

    /** The inbox's consumer names stay those of the events applied before the rules moved to common. */
    static final String CONSUMER = "testing";

    private final ClearanceReadModel<CampaignClearance> clearances;

    public LaunchGate(EventCodec codec, IdempotentConsumer idempotent) {
        this.clearances = new ClearanceReadModel<>(CONSUMER, CampaignClearance.class, CampaignClearance::new, codec,
                idempotent);
    }

    ClearanceReadModel<CampaignClearance> clearances() {
        return clearances;
    }

    /**
     * Fails with a 409 problem saying why unless the campaign is cleared; passes when {@code campaignId} is null.
     * Call it inside a session.
     */
    public Uni<Void> requireCleared(String experimentKey, String campaignId) {
        return whyNotCleared(experimentKey, campaignId).invoke(why -> why.ifPresent(reason -> {
            throw new ConflictProblem(reason);
        })).replaceWithVoid();
    }

    /**
     * Why an experiment testing {@code campaignId} may not run now, empty when it may (or names no campaign). Call it
     * inside a session.
     */
    public Uni<Optional<String>> whyNotCleared(String experimentKey, String campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return clearances.find(campaignId).map(row -> row != null && row.cleared() ? Optional.<String>empty()
                : Optional.of("experiment '" + experimentKey + "' tests campaign '" + campaignId
                + "', which is not cleared for launch ("
                + (row == null ? "testing-service has heard of no QA run clearing it"
                : "its clearance by QA run " + row.qaRunId + " was revoked: " + row.revokedReason)
                + "); it can run once qa-service clears the campaign (a passing QA run, or a "
                + "needs-approval run whose approval was granted)"));
    }

    /** The campaign's launch state, null for an experiment that names none. Call it inside a session. */
    public Uni<LaunchView> view(String campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().nullItem();
        }
        return clearances.find(campaignId).map(row -> LaunchView.of(campaignId, row));
    }
}
