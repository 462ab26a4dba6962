package io.mops.attribution.mapping;

import java.time.Instant;
import java.util.List;

/**
 * One version of the rules as the API shows it; version 0 (no rules, nobody, never) when none was ever set.
 *
 * @param changes against the version before (everything added for version 1)
 */
public record MappingVersion(int version, List<MappingRule> rules, String changedBy, Instant changedAt,
                             String comment, RuleChanges changes) {
}
