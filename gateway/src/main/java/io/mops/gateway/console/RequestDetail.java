package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code GET /approvals/{id}} as approval-service answers it (the fields the console shows). */
public record RequestDetail(Request request, Policy policy, int approversNeeded, List<Stage> stages,
                            List<Decision> decisions, Evidence evidence, List<EvidenceVersion> evidenceVersions,
                            Acknowledgement acknowledgement) {

    /** An incident's acknowledgement (null for other kinds): who took it on, when, what they said; when it was due. */
    public record Acknowledgement(boolean acknowledged, Instant dueAt, String acknowledgedBy, Instant acknowledgedAt,
                                  String comment, String escalatedTo, Instant escalatedAt) {
    }

    public record Request(String id, String subject, String kind, String reference, String source, String summary,
                          String explanation, String channel, java.math.BigDecimal amount, String currency,
                          String status, String requestedBy, Instant requestedAt, Instant expiresAt,
                          Instant decidedAt, String withdrawnBy, String withdrawalReason, String policy,
                          int evidenceVersion, Integer riskScore, String outcomeNote) {
    }

    public record Policy(String name, Integer version, String stageOrder, String onExpiry) {
    }

    public record Stage(int position, String name, Set<String> groups, int quorum, int grants, boolean open,
                        boolean complete, Instant openedAt, Instant dueAt, Instant remindedAt, String escalatedTo,
                        Instant escalatedAt) {
    }

    public record Decision(String decidedBy, String onBehalfOf, String verdict, String comment, Instant decidedAt,
                           Integer stage, int evidenceVersion, boolean stale, boolean teachBrandVoice) {
    }

    public record Evidence(int version, String schema, Integer schemaVersion, JsonNode content, String summary,
                           String explanation, Instant receivedAt) {
    }

    public record EvidenceVersion(int version, String schema, Integer schemaVersion, Instant receivedAt) {
    }

    public List<Stage> stages() {
        return stages == null ? List.of() : stages;
    }

    public List<Decision> decisions() {
        return decisions == null ? List.of() : decisions;
    }

    public List<EvidenceVersion> evidenceVersions() {
        return evidenceVersions == null ? List.of() : evidenceVersions;
    }
}
