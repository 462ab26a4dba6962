package io.mops.qa.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class Reviewed {

    private Reviewed() {
    }

    static Set<String> ruleIds(QaResult result) {
        return result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    }

    static List<Finding> findings(QaResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The campaign was broken in exactly one way, and exactly that rule says so, once. */
    static Finding onlyFinding(QaResult result, String ruleId) {
        assertEquals(Set.of(ruleId), ruleIds(result), () -> SampleCampaignsTest.describe(result.findings()));
        List<Finding> found = findings(result, ruleId);
        assertEquals(1, found.size(), () -> SampleCampaignsTest.describe(result.findings()));
        return found.getFirst();
    }
}
