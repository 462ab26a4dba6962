package io.mops.common.clearance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.events.EventEnvelope;
import io.mops.common.events.ReceivedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules by which qa-service's clearance events change a consumer's copy of a campaign's clearance. */
class ClearanceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID BUDGET_CAMPAIGN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID RUN_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID RUN_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID APPROVAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private static <T> ReceivedEvent<T> event(UUID id, Instant time, String type, T data) {
        return new ReceivedEvent<>(new EventEnvelope(id, type, 1, "qa-service", time, "campaign:bf-email",
                JsonNodeFactory.instance.objectNode()), data);
    }

    private static ReceivedEvent<CampaignCleared> cleared(UUID eventId, Instant time, UUID run) {
        return event(eventId, time, "CampaignCleared", new CampaignCleared("bf-email", BUDGET_CAMPAIGN, "email", run,
                "ab".repeat(32), APPROVAL, "alice", "needs-approval", time));
    }

    private static ReceivedEvent<CampaignClearanceRevoked> revoked(UUID eventId, Instant time, UUID clearedBy,
                                                                   UUID by) {
        return event(eventId, time, "CampaignClearanceRevoked", new CampaignClearanceRevoked("bf-email", null,
                "email", clearedBy, by, "cd".repeat(32), "blocked", "run " + by + " is blocked", time));
    }

    @Test
    void aFirstClearanceClearsTheCampaignWithWhatTheEventSays() {
        UUID id = UUID.randomUUID();
        Clearance c = Clearance.after(null, cleared(id, T0, RUN_1)).orElseThrow();

        assertTrue(c.cleared());
        assertEquals("bf-email", c.campaignKey());
        assertEquals(BUDGET_CAMPAIGN, c.budgetCampaignId());
        assertEquals(RUN_1, c.qaRunId());
        assertEquals(APPROVAL, c.approvalId());
        assertEquals("alice", c.approvedBy());
        assertEquals("needs-approval", c.verdict());
        assertEquals(id, c.eventId());
        assertEquals(T0, c.eventTime());
        assertNull(c.revokedByRun());
    }

    @Test
    void aRevocationKeepsTheRunThatClearedAndNamesTheRunThatEndedIt() {
        Clearance clear = Clearance.after(null, cleared(UUID.randomUUID(), T0, RUN_1)).orElseThrow();
        Clearance r = Clearance.afterRevocation(clear, revoked(UUID.randomUUID(), T0.plusSeconds(60), RUN_1, RUN_2))
                .orElseThrow();

        assertFalse(r.cleared());
        assertEquals(Clearance.Status.REVOKED, r.status());
        assertEquals(RUN_1, r.qaRunId());
        assertEquals(RUN_2, r.revokedByRun());
        assertEquals("run " + RUN_2 + " is blocked", r.revokedReason());
        assertEquals(T0.plusSeconds(60), r.revokedAt());
        assertEquals("ab".repeat(32), r.contentHash(), "the cleared content's hash is kept");
        assertEquals(BUDGET_CAMPAIGN, r.budgetCampaignId(), "a revocation naming no budget campaign keeps the link");
    }

    @Test
    void anOlderEventArrivingLaterChangesNothing() {
        Clearance revokedAt60 = Clearance.afterRevocation(
                Clearance.after(null, cleared(UUID.randomUUID(), T0, RUN_1)).orElseThrow(),
                revoked(UUID.randomUUID(), T0.plusSeconds(60), RUN_1, RUN_2)).orElseThrow();

        assertEquals(Optional.empty(), Clearance.after(revokedAt60, cleared(UUID.randomUUID(), T0.plusSeconds(59),
                RUN_1)));
        assertEquals(Optional.empty(), Clearance.afterRevocation(revokedAt60,
                revoked(UUID.randomUUID(), T0.plusSeconds(30), RUN_1, UUID.randomUUID())));
    }

    @Test
    void aNewerClearanceAfterARevocationClearsAgainAndForgetsTheRevocation() {
        Clearance revokedAt60 = Clearance.afterRevocation(
                Clearance.after(null, cleared(UUID.randomUUID(), T0, RUN_1)).orElseThrow(),
                revoked(UUID.randomUUID(), T0.plusSeconds(60), RUN_1, RUN_2)).orElseThrow();
        UUID run3 = UUID.randomUUID();

        Clearance again = Clearance.after(revokedAt60, cleared(UUID.randomUUID(), T0.plusSeconds(120), run3))
                .orElseThrow();
        assertTrue(again.cleared());
        assertEquals(run3, again.qaRunId());
        assertNull(again.revokedAt());
        assertNull(again.revokedByRun());
        assertNull(again.revokedReason());
    }

    @Test
    void theSameEventAppliedTwiceHasNoSecondEffect() {
        ReceivedEvent<CampaignCleared> event = cleared(UUID.randomUUID(), T0, RUN_1);
        Clearance once = Clearance.after(null, event).orElseThrow();
        assertEquals(Optional.empty(), Clearance.after(once, event));

        ReceivedEvent<CampaignClearanceRevoked> revocation = revoked(UUID.randomUUID(), T0, RUN_1, RUN_2);
        Clearance revokedOnce = Clearance.afterRevocation(once, revocation).orElseThrow();
        assertEquals(Optional.empty(), Clearance.afterRevocation(revokedOnce, revocation));
    }

    @Test
    void eventsOfEqualTimeApplyInArrivalOrder() {
        Clearance clear = Clearance.after(null, cleared(UUID.randomUUID(), T0, RUN_1)).orElseThrow();
        Clearance r = Clearance.afterRevocation(clear, revoked(UUID.randomUUID(), T0, RUN_1, RUN_2)).orElseThrow();
        assertFalse(r.cleared());
    }

    @Test
    void aRevocationOfACampaignNeverHeardClearedChangesNothing() {
        assertEquals(Optional.empty(), Clearance.afterRevocation(null,
                revoked(UUID.randomUUID(), T0, RUN_1, RUN_2)));
    }
}
