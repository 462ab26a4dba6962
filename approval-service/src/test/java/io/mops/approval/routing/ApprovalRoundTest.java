package io.mops.approval.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.mops.approval.routing.ApprovalRound.Status.CHANGES_REQUESTED;
import static io.mops.approval.routing.ApprovalRound.Status.GRANTED;
import static io.mops.approval.routing.ApprovalRound.Status.PENDING;
import static io.mops.approval.routing.ApprovalRound.Status.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalRoundTest {

    private static final ApprovalRound.Stage BRAND = new ApprovalRound.Stage(0, "brand", Set.of("brand"), 2, null);
    private static final ApprovalRound.Stage LEGAL = new ApprovalRound.Stage(1, "legal", Set.of("legal"), 1, null);

    /** Plays ballots one after another as the service would, recording each accepted vote. */
    private static final class Play {
        final List<ApprovalRound.Stage> stages;
        final ApprovalRound.Order order;
        final List<ApprovalRound.Vote> votes = new ArrayList<>();
        int evidence = 1;

        Play(ApprovalRound.Order order, ApprovalRound.Stage... stages) {
            this.order = order;
            this.stages = List.of(stages);
        }

        ApprovalRound round() {
            return new ApprovalRound(stages, order, "sam", evidence, votes);
        }

        ApprovalRound.Outcome vote(String who, Set<String> groups, Verdict verdict) {
            return vote(who, groups, null, verdict);
        }

        ApprovalRound.Outcome vote(String who, Set<String> groups, String onBehalfOf, Verdict verdict) {
            ApprovalRound.Outcome outcome = round().decide(new ApprovalRound.Ballot(who, groups, onBehalfOf, verdict));
            votes.add(new ApprovalRound.Vote(who, onBehalfOf, outcome.stage(), verdict, evidence));
            return outcome;
        }
    }

    @Test
    void sequentialStagesOpenOneAfterTheOtherAndGrantOnlyWhenEveryQuorumIsMet() {
        Play play = new Play(ApprovalRound.Order.SEQUENTIAL, BRAND, LEGAL);
        assertThrows(ApprovalRound.Refused.class, () -> play.vote("omar", Set.of("legal"), Verdict.GRANT),
                "legal is not open before brand has its quorum");
        ApprovalRound.Outcome first = play.vote("alice", Set.of("brand", "finance"), Verdict.GRANT);
        assertEquals(new ApprovalRound.Outcome(0, false, PENDING, null), first);
        ApprovalRound.Outcome second = play.vote("nina", Set.of("brand", "legal"), Verdict.GRANT);
        assertEquals(new ApprovalRound.Outcome(0, true, PENDING, 1), second);
        // nina counted for brand; she cannot count again for legal.
        assertThrows(ApprovalRound.Refused.class, () -> play.vote("nina", Set.of("legal"), Verdict.GRANT));
        assertEquals(new ApprovalRound.Outcome(1, true, GRANTED, null), play.vote("omar", Set.of("legal"), Verdict.GRANT));
    }

    @Test
    void parallelStagesAreAllOpenAndAPersonInBothGroupsCountsOnce() {
        Play play = new Play(ApprovalRound.Order.PARALLEL, BRAND, LEGAL);
        assertEquals(1, play.vote("omar", Set.of("legal"), Verdict.GRANT).stage());
        assertEquals(0, play.vote("nina", Set.of("brand", "legal"), Verdict.GRANT).stage(),
                "legal is complete, so nina's grant goes to brand");
        assertEquals(GRANTED, play.vote("lena", Set.of("brand", "coe-leads"), Verdict.GRANT).status());
    }

    @Test
    void theRequesterNeverDecidesNorAnyoneOnTheirBehalf() {
        ApprovalRound round = new ApprovalRound(List.of(LEGAL), ApprovalRound.Order.SEQUENTIAL, "nina", 1, List.of());
        assertThrows(ApprovalRound.Refused.class, () -> round.decide(new ApprovalRound.Ballot("nina", Set.of("legal"),
                null, Verdict.GRANT)));
        assertThrows(ApprovalRound.Refused.class, () -> round.decide(new ApprovalRound.Ballot("nina", Set.of("legal"),
                null, Verdict.REJECT)));
        assertThrows(ApprovalRound.Refused.class, () -> round.decide(new ApprovalRound.Ballot("omar", Set.of("legal"),
                "nina", Verdict.GRANT)), "a delegate cannot take the requester's seat");
        ApprovalRound.Refused asDelegate = assertThrows(ApprovalRound.Refused.class, () -> round.decide(
                new ApprovalRound.Ballot("nina", Set.of("legal"), "omar", Verdict.GRANT)),
                "the requester holding a colleague's seat still cannot decide their own request");
        assertTrue(asDelegate.getMessage().contains("on anyone's behalf"), asDelegate.getMessage());
    }

    @Test
    void aDelegateTakesTheSeatOnceAndCannotAlsoCountInPerson() {
        Play play = new Play(ApprovalRound.Order.SEQUENTIAL, BRAND);
        play.vote("lena", Set.of("brand"), "alice", Verdict.GRANT);
        assertThrows(ApprovalRound.Refused.class, () -> play.vote("lena", Set.of("brand"), Verdict.GRANT));
        assertThrows(ApprovalRound.Refused.class, () -> play.vote("alice", Set.of("brand"), Verdict.GRANT),
                "alice's seat was already taken by her delegate");
        assertEquals(GRANTED, play.vote("nina", Set.of("brand"), Verdict.GRANT).status());
    }

    @Test
    void changedEvidenceMakesEarlierGrantsStale() {
        Play play = new Play(ApprovalRound.Order.SEQUENTIAL, BRAND);
        play.vote("alice", Set.of("brand"), Verdict.GRANT);
        play.evidence = 2;
        assertEquals(0, play.round().grants(0));
        assertTrue(play.round().counted().isEmpty());
        assertEquals(PENDING, play.vote("alice", Set.of("brand"), Verdict.GRANT).status(), "alice may grant again");
        assertEquals(GRANTED, play.vote("nina", Set.of("brand"), Verdict.GRANT).status());
    }

    @Test
    void oneRejectionEndsItAndARequestForChangesSendsItBack() {
        Play play = new Play(ApprovalRound.Order.SEQUENTIAL, BRAND, LEGAL);
        play.vote("alice", Set.of("brand"), Verdict.GRANT);
        assertEquals(REJECTED, play.round().decide(new ApprovalRound.Ballot("nina", Set.of("brand"), null,
                Verdict.REJECT)).status());
        assertEquals(CHANGES_REQUESTED, play.round().decide(new ApprovalRound.Ballot("lena", Set.of("brand"), null,
                Verdict.REQUEST_CHANGES)).status());
    }

    @Test
    void anEscalatedStageMayBeDecidedByTheEscalationGroup() {
        ApprovalRound.Stage escalated = new ApprovalRound.Stage(0, "legal", Set.of("legal"), 1, "coe-leads");
        ApprovalRound round = new ApprovalRound(List.of(escalated), ApprovalRound.Order.SEQUENTIAL, "sam", 1, List.of());
        assertEquals(GRANTED, round.decide(new ApprovalRound.Ballot("lena", Set.of("brand", "coe-leads"), null,
                Verdict.GRANT)).status());
        ApprovalRound before = new ApprovalRound(List.of(LEGAL), ApprovalRound.Order.SEQUENTIAL, "sam", 1, List.of());
        assertThrows(ApprovalRound.Refused.class, () -> before.decide(new ApprovalRound.Ballot("lena",
                Set.of("brand", "coe-leads"), null, Verdict.GRANT)));
    }
}
