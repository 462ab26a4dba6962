package io.mops.approval.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The four-eyes rules and the stage state machine of one request: who may decide now, for which stage, and what the
 * request becomes. Plain Java so that every rule is tested without a server.
 *
 * <ul>
 *   <li>Nobody decides their own request, neither in person nor on someone else's behalf.</li>
 *   <li>One person counts once per request: whoever decided (in person or through a delegate) cannot decide again,
 *       until the evidence changes — grants given on earlier evidence no longer count (as stale reviews).</li>
 *   <li>Sequential stages open one after the other; parallel ones are all open at once. A person decides for the
 *       first open stage one of their groups may decide (a stage's own groups, or the group it escalated to).</li>
 *   <li>A grant counts toward its stage's quorum; the request is granted when every stage has its quorum. One
 *       rejection rejects it; a request for changes sends it back to the requester.</li>
 * </ul>
 */
public final class ApprovalRound {

    public enum Order { SEQUENTIAL, PARALLEL }

    public enum Status { PENDING, GRANTED, REJECTED, CHANGES_REQUESTED }

    /** A stage as routed: its groups, its resolved quorum, and a group it escalated to (or null). */
    public record Stage(int position, String name, Set<String> groups, int quorum, String escalatedTo) {

        public Stage {
            groups = Set.copyOf(groups);
        }

        boolean mayBeDecidedBy(Set<String> memberships) {
            return memberships.stream().anyMatch(g -> groups.contains(g) || g.equals(escalatedTo));
        }
    }

    /** A decision already taken. */
    public record Vote(String decidedBy, String onBehalfOf, int stage, Verdict verdict, int evidenceVersion) {
    }

    /**
     * Someone about to decide.
     *
     * @param memberships the groups and roles the decider's token carries, or — deciding on behalf of someone — the
     *                    one group the delegation covers
     * @param onBehalfOf  the colleague whose seat a delegate takes, or null
     */
    public record Ballot(String decider, Set<String> memberships, String onBehalfOf, Verdict verdict) {

        public Ballot {
            memberships = Set.copyOf(memberships);
        }

        String seat() {
            return onBehalfOf == null ? decider : onBehalfOf;
        }
    }

    /** The decision as it counts: the stage it went to and what the request is now. */
    public record Outcome(int stage, boolean stageComplete, Status status, Integer nextStage) {
    }

    /** The decision breaks a rule; nothing is recorded. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final List<Stage> stages;
    private final Order order;
    private final String requester;
    private final int evidenceVersion;
    private final List<Vote> votes;

    public ApprovalRound(List<Stage> stages, Order order, String requester, int evidenceVersion, List<Vote> votes) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a routed request has at least one stage");
        }
        this.stages = List.copyOf(stages);
        this.order = order;
        this.requester = requester;
        this.evidenceVersion = evidenceVersion;
        this.votes = List.copyOf(votes);
    }

    /** Grants on the current evidence for a stage. */
    public int grants(int position) {
        return (int) current().stream().filter(v -> v.stage() == position && v.verdict() == Verdict.GRANT).count();
    }

    public boolean complete(Stage stage) {
        return grants(stage.position()) >= stage.quorum();
    }

    /** Stages open for decisions now. */
    public List<Stage> open() {
        List<Stage> waiting = stages.stream().filter(s -> !complete(s)).toList();
        return order == Order.PARALLEL || waiting.isEmpty() ? waiting : List.of(waiting.getFirst());
    }

    /** Everyone who already counts on the current evidence: the deciders and those they decided for. */
    public Set<String> counted() {
        Set<String> people = new HashSet<>();
        for (Vote v : current()) {
            people.add(v.decidedBy());
            if (v.onBehalfOf() != null) {
                people.add(v.onBehalfOf());
            }
        }
        return people;
    }

    public Outcome decide(Ballot ballot) {
        if (Objects.equals(ballot.decider(), requester)) {
            throw new Refused(ballot.onBehalfOf() == null ? "nobody decides their own request"
                    : "the requester cannot decide their own request on anyone's behalf");
        }
        if (Objects.equals(ballot.onBehalfOf(), requester)) {
            throw new Refused("nobody decides a request on behalf of the person who asked for it");
        }
        Set<String> counted = counted();
        if (counted.contains(ballot.decider())) {
            throw new Refused(ballot.decider() + " already decided this request; one person counts once, a different"
                    + " approver must decide");
        }
        if (ballot.onBehalfOf() != null && counted.contains(ballot.onBehalfOf())) {
            throw new Refused(ballot.onBehalfOf() + " already decided this request (in person or through a delegate);"
                    + " one person counts once");
        }
        List<Stage> open = open();
        Stage stage = open.stream().filter(s -> s.mayBeDecidedBy(ballot.memberships())).findFirst()
                .orElseThrow(() -> new Refused(ballot.seat() + " is in none of the groups that may decide now: "
                        + String.join("; ", open.stream().map(s -> s.name() + " (" + String.join(", ",
                        s.groups().stream().sorted().toList()) + (s.escalatedTo() == null ? ""
                        : ", escalated to " + s.escalatedTo()) + ")").toList())));
        return switch (ballot.verdict()) {
            case REJECT -> new Outcome(stage.position(), false, Status.REJECTED, null);
            case REQUEST_CHANGES -> new Outcome(stage.position(), false, Status.CHANGES_REQUESTED, null);
            case GRANT -> {
                boolean stageComplete = grants(stage.position()) + 1 >= stage.quorum();
                boolean all = stageComplete && stages.stream()
                        .filter(s -> s.position() != stage.position()).allMatch(this::complete);
                Integer next = null;
                if (stageComplete && !all && order == Order.SEQUENTIAL) {
                    next = stages.stream().filter(s -> s.position() != stage.position() && !complete(s))
                            .findFirst().map(Stage::position).orElse(null);
                }
                yield new Outcome(stage.position(), stageComplete, all ? Status.GRANTED : Status.PENDING, next);
            }
        };
    }

    private List<Vote> current() {
        return votes.stream().filter(v -> v.evidenceVersion() == evidenceVersion).toList();
    }
}
