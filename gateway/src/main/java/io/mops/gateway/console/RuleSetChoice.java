package io.mops.gateway.console;

import java.util.Comparator;
import java.util.List;

/**
 * Which rule set, and which two of its versions, the rule set page compares: what the CoE picked, or by default the
 * shipped rule set's two newest versions.
 *
 * @param versions the chosen rule set's versions, newest first
 * @param from     the older version compared; {@code null} when there is nothing to compare
 * @param problem  why the pick cannot be compared, for the page; {@code null} when it can
 */
public record RuleSetChoice(List<String> names, String name, List<RuleSetsApi.Version> versions, Integer from,
                            Integer to, String problem) {

    static final String SHIPPED = "mops-default";

    public static RuleSetChoice of(List<RuleSetsApi.Version> all, String name, Integer from, Integer to) {
        List<String> names = all.stream().map(RuleSetsApi.Version::name).distinct().sorted().toList();
        String chosen = name != null && !name.isBlank() ? name.strip()
                : names.contains(SHIPPED) ? SHIPPED : names.isEmpty() ? null : names.get(0);
        List<RuleSetsApi.Version> versions = all.stream().filter(v -> v.name().equals(chosen))
                .sorted(Comparator.comparingInt(RuleSetsApi.Version::version).reversed()).toList();
        if (chosen == null) {
            return new RuleSetChoice(names, null, versions, null, null, null);
        }
        if (versions.isEmpty()) {
            return new RuleSetChoice(names, chosen, versions, null, null, "There is no rule set named " + chosen + ".");
        }
        if (from == null && to == null) {
            return versions.size() < 2 ? new RuleSetChoice(names, chosen, versions, null, null, null)
                    : new RuleSetChoice(names, chosen, versions, versions.get(1).version(), versions.get(0).version(),
                    null);
        }
        List<Integer> numbers = versions.stream().map(RuleSetsApi.Version::version).toList();
        if (from == null || to == null || !numbers.contains(from) || !numbers.contains(to)) {
            return new RuleSetChoice(names, chosen, versions, from, to, "Pick two versions " + chosen + " has: "
                    + String.join(", ", numbers.reversed().stream().map(String::valueOf).toList()) + ".");
        }
        if (from.equals(to)) {
            return new RuleSetChoice(names, chosen, versions, from, to, "Pick two different versions to compare.");
        }
        return new RuleSetChoice(names, chosen, versions, Math.min(from, to), Math.max(from, to), null);
    }

    /** Two versions to fetch and compare. */
    public boolean comparable() {
        return problem == null && from != null && to != null;
    }
}
