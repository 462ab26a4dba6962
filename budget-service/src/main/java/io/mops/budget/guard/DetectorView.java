package io.mops.budget.guard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * @param changedBy absent while the detector runs with its defaults
 */
@Schema(description = "A risk-guard detector: its thresholds, the action taken when it fires, what may be set")
public record DetectorView(String detector, Map<String, Double> thresholds, String action,
                           List<Detector.Threshold> allowedThresholds, Set<ContainmentAction> allowedActions,
                           String changedBy, Instant changedAt) {

    static DetectorView of(DetectorSetting setting, String changedBy, Instant changedAt) {
        return new DetectorView(setting.detector().key(), setting.thresholds(), setting.action().name(),
                setting.detector().thresholds(), setting.detector().actions(), changedBy, changedAt);
    }

    /** What a change sets, for the history: the whole setting as it was or became. */
    public record Setting(Map<String, Double> thresholds, String action) {
    }

    /** One change: who, when, the setting before and after. */
    public record Change(String changedBy, Instant changedAt, Setting before, Setting after) {
    }
}
