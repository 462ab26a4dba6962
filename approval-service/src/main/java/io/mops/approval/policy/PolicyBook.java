package io.mops.approval.policy;

import io.mops.approval.directory.GroupMembers;
import io.mops.common.problem.Problem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CoE's policies in force, and the rules a new or changed policy must satisfy before it joins them. When no
 * policy matches a request, the fallback applies: one stage for the {@code approver} role, one approver, two
 * different ones above an amount — the behaviour before policies existed, so nothing is ever auto-approved by
 * default.
 */
public final class PolicyBook {

    /** A policy in force with its version, as routing records it. */
    public record Versioned(PolicyDocument policy, int version) {
    }

    /** What decides a request: a stored policy, or the fallback. */
    public record Choice(PolicyDocument policy, int version, boolean fallback) {

        public String label() {
            return fallback ? "fallback" : policy.name() + " v" + version;
        }
    }

    public static final String FALLBACK = "fallback";
    /** Only policies this safe may grant a request nobody decided in time. */
    static final int LOW_RISK_SCORE = 30;

    private final List<Versioned> policies;
    private final Fallback fallback;

    /**
     * @param quorumTwoAbove above this amount (any currency) the fallback needs two different approvers
     * @param group          who decides under the fallback
     * @param expiresAfter   the fallback's expiry, or null for none
     */
    public record Fallback(BigDecimal quorumTwoAbove, String group, Duration expiresAfter) {
    }

    public PolicyBook(List<Versioned> policies, Fallback fallback) {
        this.policies = policies.stream()
                .sorted(Comparator.comparingInt((Versioned v) -> v.policy().precedence()).reversed()
                        .thenComparing(v -> v.policy().name()))
                .toList();
        this.fallback = fallback;
    }

    public List<Versioned> policies() {
        return policies;
    }

    /** The highest-precedence policy that matches, or the fallback. */
    public Choice choose(RequestFacts request) {
        for (Versioned v : policies) {
            if (PolicyMatch.matches(v.policy().match(), request)) {
                return new Choice(v.policy(), v.version(), false);
            }
        }
        return new Choice(fallbackFor(request), 0, true);
    }

    PolicyDocument fallbackFor(RequestFacts request) {
        boolean two = request.amount() != null && request.amount().compareTo(fallback.quorumTwoAbove()) > 0;
        return new PolicyDocument(FALLBACK, "when no policy matches", 0,
                new PolicyDocument.Match(List.of(request.kind()), null, null, null, null, null, null, null, null),
                PolicyDocument.Action.ROUTE,
                List.of(new PolicyDocument.Stage("approval", List.of(fallback.group()), two ? "2" : "1", null, null,
                        null)),
                PolicyDocument.StageOrder.SEQUENTIAL, fallback.expiresAfter(), PolicyDocument.OnExpiry.EXPIRE);
    }

    /**
     * Every reason {@code candidate} may not join the book (replacing any version of the same name), as violations
     * naming the field.
     */
    public List<Problem.Violation> check(PolicyDocument candidate, Set<String> knownKinds, GroupMembers directory) {
        List<Problem.Violation> violations = new ArrayList<>();
        PolicyDocument.Match m = candidate.match();
        for (int i = 0; i < m.kinds().size(); i++) {
            if (!knownKinds.contains(m.kinds().get(i))) {
                violations.add(new Problem.Violation("match.kinds[" + i + "]", "unknown kind '" + m.kinds().get(i)
                        + "'; known: " + String.join(", ", knownKinds.stream().sorted().toList())));
            }
        }
        if ((m.amountAbove() != null || m.amountUpTo() != null) && m.currency() == null) {
            violations.add(new Problem.Violation("match.currency", "is required with an amount condition"));
        }
        if (m.amountAbove() != null && m.amountUpTo() != null && m.amountAbove().compareTo(m.amountUpTo()) >= 0) {
            violations.add(new Problem.Violation("match.amountUpTo", "must be above match.amountAbove"));
        }
        if (m.riskScoreAtLeast() != null && m.riskScoreBelow() != null && m.riskScoreAtLeast() >= m.riskScoreBelow()) {
            violations.add(new Problem.Violation("match.riskScoreBelow", "must be above match.riskScoreAtLeast"));
        }
        if (candidate.action() == PolicyDocument.Action.ROUTE && candidate.stages().isEmpty()) {
            violations.add(new Problem.Violation("stages", "a routing policy needs at least one stage"));
        }
        if (candidate.action() == PolicyDocument.Action.AUTO_APPROVE && !candidate.stages().isEmpty()) {
            violations.add(new Problem.Violation("stages", "an auto-approving policy has no stages"));
        }
        Set<String> stageNames = new HashSet<>();
        for (int i = 0; i < candidate.stages().size(); i++) {
            checkStage(candidate.stages().get(i), "stages[" + i + "]", directory, stageNames, violations);
        }
        if (candidate.expiresAfter() != null && !candidate.expiresAfter().isPositive()) {
            violations.add(new Problem.Violation("expiresAfter", "must be positive"));
        }
        if (candidate.onExpiry() == PolicyDocument.OnExpiry.GRANT) {
            boolean lowRisk = m.riskScoreBelow() != null && m.riskScoreBelow() <= LOW_RISK_SCORE + 1
                    || m.amountUpTo() != null;
            if (!lowRisk) {
                violations.add(new Problem.Violation("onExpiry", "GRANT on expiry is only allowed for a low-risk "
                        + "policy: bound it by match.riskScoreBelow (at most " + (LOW_RISK_SCORE + 1)
                        + ") or match.amountUpTo"));
            }
            if (candidate.expiresAfter() == null) {
                violations.add(new Problem.Violation("expiresAfter", "is required with onExpiry GRANT"));
            }
        }
        for (Versioned other : policies) {
            PolicyDocument o = other.policy();
            if (!o.name().equals(candidate.name()) && o.precedence() == candidate.precedence()
                    && PolicyMatch.overlap(o.match(), m)) {
                violations.add(new Problem.Violation("precedence", "policy '" + o.name() + "' (v" + other.version()
                        + ") can match the same requests with the same precedence " + o.precedence()
                        + "; give one of them a higher precedence"));
            }
        }
        return violations;
    }

    private static void checkStage(PolicyDocument.Stage stage, String field, GroupMembers directory,
                                   Set<String> stageNames, List<Problem.Violation> violations) {
        if (!stageNames.add(stage.name())) {
            violations.add(new Problem.Violation(field + ".name", "another stage is named '" + stage.name() + "'"));
        }
        Set<String> everyone = new HashSet<>();
        boolean allKnown = true;
        for (int g = 0; g < stage.groups().size(); g++) {
            Optional<Set<String>> members = directory.members(stage.groups().get(g));
            if (members.isEmpty()) {
                allKnown = false;
                violations.add(new Problem.Violation(field + ".groups[" + g + "]", "unknown group or role '"
                        + stage.groups().get(g) + "'"));
            } else {
                everyone.addAll(members.get());
            }
        }
        if (allKnown && !stage.everyone() && stage.quorumNumber() > everyone.size()) {
            violations.add(new Problem.Violation(field + ".quorum", "quorum " + stage.quorum() + " is above the "
                    + everyone.size() + " member(s) of " + String.join(", ", stage.groups())));
        }
        if (stage.escalateTo() != null && directory.members(stage.escalateTo()).isEmpty()) {
            violations.add(new Problem.Violation(field + ".escalateTo", "unknown group or role '" + stage.escalateTo()
                    + "'"));
        }
        if (stage.due() != null && !stage.due().isPositive()) {
            violations.add(new Problem.Violation(field + ".due", "must be positive"));
        }
        if (stage.remindBefore() != null) {
            if (stage.due() == null) {
                violations.add(new Problem.Violation(field + ".remindBefore", "needs a due time"));
            } else if (!stage.remindBefore().isPositive() || stage.remindBefore().compareTo(stage.due()) >= 0) {
                violations.add(new Problem.Violation(field + ".remindBefore", "must be positive and shorter than due"));
            }
        }
        if (stage.escalateTo() != null && stage.due() == null) {
            violations.add(new Problem.Violation(field + ".escalateTo", "needs a due time"));
        }
    }

    public static Map<String, Object> describe(Choice choice) {
        return Map.of("policy", choice.policy().name(), "version", choice.version());
    }
}
