package io.mops.attribution.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * What one version of the rules changed against the one before: the rules it added and the rules it removed (a
 * changed rule is one removed and one added), and whether the order of the rules that stayed changed — order decides
 * which rule wins.
 */
public record RuleChanges(List<MappingRule> added, List<MappingRule> removed, boolean reordered) {

    public static RuleChanges between(List<MappingRule> before, List<MappingRule> after) {
        List<MappingRule> added = new ArrayList<>(after);
        before.forEach(added::remove);
        List<MappingRule> removed = new ArrayList<>(before);
        after.forEach(removed::remove);
        List<MappingRule> keptBefore = new ArrayList<>(before);
        keptBefore.removeAll(removed);
        List<MappingRule> keptAfter = new ArrayList<>(after);
        keptAfter.removeAll(added);
        return new RuleChanges(List.copyOf(added), List.copyOf(removed), !keptBefore.equals(keptAfter));
    }
}
