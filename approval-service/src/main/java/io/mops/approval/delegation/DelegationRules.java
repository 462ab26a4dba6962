package io.mops.approval.delegation;

import io.mops.common.problem.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may hand their seat to whom. A member of a group delegates to a named colleague of the same group for a date
 * range (both days included); never to themselves; never to someone who is away themselves in that range (their
 * seat is with someone else, and a delegation is one hop, never a chain). Whether the delegate may decide a given
 * request (not their own, not the requester's) is {@code ApprovalRound}'s business.
 */
public final class DelegationRules {

    private DelegationRules() {
    }

    /** A delegation in force or planned. */
    public record Span(String delegator, String delegate, String group, LocalDate from, LocalDate to) {

        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !from.isAfter(otherTo) && !otherFrom.isAfter(to);
        }

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * @param delegatorGroups the groups the delegator's token carries
     * @param groupMembers    the group's members, or empty when there is no such group
     * @param existing        delegations not revoked
     */
    public static List<Problem.Violation> check(Span wanted, Set<String> delegatorGroups,
                                                Optional<Set<String>> groupMembers, List<Span> existing,
                                                LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (wanted.delegate().equals(wanted.delegator())) {
            violations.add(new Problem.Violation("delegate", "nobody delegates to themselves"));
        }
        if (wanted.to().isBefore(wanted.from())) {
            violations.add(new Problem.Violation("to", "must not be before from"));
        } else if (wanted.to().isBefore(today)) {
            violations.add(new Problem.Violation("to", "lies in the past"));
        }
        if (groupMembers.isEmpty()) {
            violations.add(new Problem.Violation("group", "unknown group '" + wanted.group() + "'"));
            return violations;
        }
        if (!delegatorGroups.contains(wanted.group())) {
            violations.add(new Problem.Violation("group", wanted.delegator() + " is not a member of '"
                    + wanted.group() + "' and has no seat there to hand over"));
        }
        if (!wanted.delegate().equals(wanted.delegator()) && !groupMembers.get().contains(wanted.delegate())) {
            violations.add(new Problem.Violation("delegate", wanted.delegate() + " is not a member of '"
                    + wanted.group() + "'; a delegate must be a colleague of the same group"));
        }
        for (Span other : existing) {
            if (!other.group().equals(wanted.group()) || !other.overlaps(wanted.from(), wanted.to())) {
                continue;
            }
            if (other.delegator().equals(wanted.delegate())) {
                violations.add(new Problem.Violation("delegate", wanted.delegate() + " is away then too (delegated to "
                        + other.delegate() + " from " + other.from() + " to " + other.to()
                        + "); delegations are one hop, never a chain"));
            }
            if (other.delegator().equals(wanted.delegator())) {
                violations.add(new Problem.Violation("from", wanted.delegator() + " already delegated '"
                        + wanted.group() + "' to " + other.delegate() + " from " + other.from() + " to " + other.to()));
            }
            if (other.delegate().equals(wanted.delegator())) {
                violations.add(new Problem.Violation("delegator", wanted.delegator() + " holds " + other.delegator()
                        + "'s seat then; handing it on would make a chain"));
            }
        }
        return violations;
    }
}
