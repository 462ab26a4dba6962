package io.mops.gateway.console;

import java.util.List;
import java.util.Map;

/** A launch as approvers read it (qa-service's {@code LaunchEvidence} v1): the findings, the copy, the brand voice. */
public record LaunchReview(String qaRunId, String campaignId, String brand, String verdict, int riskScore,
                           List<Finding> findings, Map<String, String> copy, List<Neighbour> brandNeighbours,
                           List<String> aiReview) {

    public record Finding(String ruleId, String severity, String category, String location, String message,
                          String fixHint) {
    }

    public record Neighbour(String stance, String text, double similarity) {
    }

    public List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    public Map<String, String> copy() {
        return copy == null ? Map.of() : copy;
    }

    public List<Neighbour> brandNeighbours() {
        return brandNeighbours == null ? List.of() : brandNeighbours;
    }
}
