package io.mops.approval.directory;

import java.util.Optional;
import java.util.Set;

/** Who is in a group or realm role: what the policy rules need to know about the world outside the policy. */
@FunctionalInterface
public interface GroupMembers {

    /** Members of a group or realm role, or empty when there is no such group or role. */
    Optional<Set<String>> members(String group);
}
