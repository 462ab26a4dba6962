package io.mops.budget.guard;

import io.mops.budget.plan.BudgetRuleViolation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detector's thresholds and containment action as the CoE set them. Thresholds not given keep their defaults; a
 * threshold the detector does not have, a value outside its range or an action that makes no sense for the detector
 * is refused with the field named.
 */
public record DetectorSetting(Detector detector, Map<String, Double> thresholds, ContainmentAction action) {

    public static DetectorSetting defaults(Detector detector) {
        return new DetectorSetting(detector, detector.defaults(), detector.defaultAction());
    }

    public static DetectorSetting of(Detector detector, Map<String, Double> given, String action) {
        Map<String, Double> thresholds = new LinkedHashMap<>(detector.defaults());
        if (given != null) {
            given.forEach((name, value) -> {
                Detector.Threshold threshold = detector.thresholds().stream().filter(t -> t.name().equals(name))
                        .findFirst().orElseThrow(() -> new BudgetRuleViolation("thresholds." + name,
                                "is no threshold of " + detector.key() + "; it has " + detector.defaults().keySet()));
                if (value == null || !threshold.allows(value)) {
                    throw new BudgetRuleViolation("thresholds." + name, "must be between " + threshold.min()
                            + " and " + threshold.max() + " (" + threshold.meaning() + ")");
                }
                thresholds.put(name, value);
            });
        }
        ContainmentAction chosen;
        if (action == null) {
            chosen = detector.defaultAction();
        } else {
            chosen = java.util.Arrays.stream(ContainmentAction.values()).filter(a -> a.name().equals(action))
                    .findFirst().filter(detector.actions()::contains)
                    .orElseThrow(() -> new BudgetRuleViolation("action", "'" + action + "' is no action of "
                            + detector.key() + "; it allows " + detector.actions()));
        }
        return new DetectorSetting(detector, thresholds, chosen);
    }
}
