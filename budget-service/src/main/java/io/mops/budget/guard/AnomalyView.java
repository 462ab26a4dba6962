package io.mops.budget.guard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An anomaly the risk guard found, the containment it applied, and who resolved it")
public record AnomalyView(UUID id, String detector, String channel, Instant detectedAt, double observed,
                          double expected, double statistic, String evidence, String action, List<UUID> campaignIds,
                          UUID rolledBackMove, String containmentDetail, String status, String resolvedBy,
                          Instant resolvedAt, String resolution) {

    static AnomalyView of(AnomalyRow row) {
        return new AnomalyView(row.id, row.detector, row.channel, row.detectedAt, row.observed, row.expected,
                row.statistic, row.evidence, row.action, row.campaigns(), row.rolledBackMove,
                row.containmentDetail, row.status, row.resolvedBy, row.resolvedAt,
                row.resolution);
    }
}
