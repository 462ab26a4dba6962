package io.mops.qa.clearance;

import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.outbox.Outbox;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps each campaign's clearance for launch and announces every change of it on {@code mops.qa.events}
 * ({@code CampaignCleared}, {@code CampaignClearanceRevoked}), through the outbox, in the transaction that stores the
 * run or the decision that changed it. Must be called inside that transaction.
 */
@ApplicationScoped
public class LaunchClearance {

    private final Outbox outbox;
    private final Clock clock;

    public LaunchClearance(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new run was stored: a pass clears the campaign, anything else ends an earlier clearance. */
    public Uni<Void> afterRun(ClearedRun run) {
        return CampaignClearance.<CampaignClearance>findById(run.campaignId()).chain(current -> {
            boolean cleared = current != null && current.active();
            return switch (ClearanceRule.afterRun(run.verdict(), cleared)) {
                case CLEAR -> clear(current, run, null);
                case REVOKE -> revoke(current, run);
                case NONE -> Uni.createFrom().voidItem();
            };
        });
    }

    /**
     * People granted a needs-approval run: it clears the campaign if it is still the campaign's newest run.
     *
     * @param newestRunId the campaign's newest run now; {@code null} when it has none
     */
    public Uni<Void> afterGrant(ClearedRun run, UUID newestRunId, String approvedBy) {
        boolean isNewest = run.id().equals(newestRunId);
        if (ClearanceRule.afterDecision(true, isNewest) != ClearanceRule.Change.CLEAR) {
            Log.infof("launch of QA run %s granted, but campaign %s has a newer run %s: not cleared", run.id(),
                    run.campaignId(), newestRunId);
            return Uni.createFrom().voidItem();
        }
        return CampaignClearance.<CampaignClearance>findById(run.campaignId())
                .chain(current -> clear(current, run, approvedBy));
    }

    /**
     * The CoE's dismissals took a run to a pass: it clears the campaign exactly as a run that passed when it was
     * stored, if it is still the campaign's newest run and does not clear it already.
     *
     * @param newestRunId the campaign's newest run now
     */
    public Uni<Void> afterDismissal(ClearedRun run, UUID newestRunId) {
        return CampaignClearance.<CampaignClearance>findById(run.campaignId()).chain(current -> {
            boolean clearedByThisRun = current != null && current.active() && current.runId.equals(run.id());
            return switch (ClearanceRule.afterDismissal(run.verdict(), run.id().equals(newestRunId),
                    clearedByThisRun)) {
                case CLEAR -> clear(current, run, null);
                case REVOKE, NONE -> Uni.createFrom().voidItem();
            };
        });
    }

    private Uni<Void> clear(CampaignClearance current, ClearedRun run, String approvedBy) {
        Instant now = Instant.now(clock);
        CampaignClearance clearance = current != null ? current : new CampaignClearance();
        boolean isNew = current == null;
        clearance.campaignId = run.campaignId();
        clearance.channel = run.channel();
        clearance.budgetCampaignId = run.budgetCampaignId();
        clearance.runId = run.id();
        clearance.contentHash = run.inputDigest();
        clearance.approvalId = approvedBy == null ? null : run.approvalId();
        clearance.clearedAt = now;
        clearance.revokedAt = null;
        clearance.revokedByRun = null;
        CampaignCleared event = new CampaignCleared(run.campaignId(), run.budgetCampaignId(), run.channel(), run.id(),
                run.inputDigest(), clearance.approvalId, approvedBy, run.verdict(), now);
        Uni<?> stored = isNew ? clearance.persist() : Uni.createFrom().item(clearance);
        return stored.chain(() -> outbox.record(CampaignCleared.TYPE, event.subject(), event)).replaceWithVoid();
    }

    private Uni<Void> revoke(CampaignClearance current, ClearedRun run) {
        Instant now = Instant.now(clock);
        current.revokedAt = now;
        current.revokedByRun = run.id();
        String reason = "QA run " + run.id() + " of the campaign's newest content is " + run.verdict()
                + ("needs-approval".equals(run.verdict()) ? " and waits for a person's approval" : "");
        CampaignClearanceRevoked event = new CampaignClearanceRevoked(run.campaignId(),
                current.budgetCampaignId, run.channel(),
                current.runId, run.id(), run.inputDigest(), run.verdict(), reason, now);
        return outbox.record(CampaignClearanceRevoked.TYPE, event.subject(), event).replaceWithVoid();
    }
}
